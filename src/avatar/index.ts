// The avatar stage: which picture a feed gets, whether fetched bytes may be published, and the
// generated initials; pure functions (the pipeline fetches and the store caches).
export { avatarCandidates, candidatesKey } from './candidates.ts';
export type { AvatarCandidate, AvatarSources } from './candidates.ts';
export { avatarPath } from './file-name.ts';
export { initialsColour, initialsOf, initialsSvg } from './initials.ts';
export { siteIconUrls } from './site-icons.ts';
export { avatarMaxBytes, avatarProblem, sniffImage } from './sniff.ts';
export type { ImageType } from './sniff.ts';
