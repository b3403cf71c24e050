// The effect evaluation pages of a school and of a board, loaded as one chunk when one of them is first shown
// (src/web/app.tsx).
export { EffectPage } from './effect-page';
export { BoardEffectPage } from './board-effect-page';
