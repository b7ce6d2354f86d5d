import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SanitizeSettings } from '../model/index.ts';
import { DEFAULT_VIDEO_HOSTS, embeddedFrameHosts } from './index.ts';

const planet = (embedVideos: boolean, videoHosts?: string[]): SanitizeSettings => ({
  allowElements: [],
  denyElements: [],
  allowAttributes: [],
  denyAttributes: [],
  embedVideos,
  videoHosts,
  removeTrackers: true,
});

test('no frame host when no feed embeds videos', () => {
  assert.deepEqual(embeddedFrameHosts(undefined, [undefined, {}]), []);
  assert.deepEqual(embeddedFrameHosts(planet(false), [{ videoHosts: ['video.example'] }]), []);
});

test('the default video hosts when the planet embeds videos', () => {
  assert.deepEqual(embeddedFrameHosts(planet(true), []), [...DEFAULT_VIDEO_HOSTS].sort());
});

test('a feed that turns embedding on adds its own hosts; one that turns it off adds none', () => {
  const hosts = embeddedFrameHosts(planet(false, ['Tube.Example']), [
    { embedVideos: true, videoHosts: ['peertube.example'] },
    { embedVideos: false, videoHosts: ['never.example'] },
  ]);
  assert.deepEqual(hosts, ['peertube.example', 'tube.example']);
});
