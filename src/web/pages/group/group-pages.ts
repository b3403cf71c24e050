// A class's group pages and the sociogram pages, loaded as one chunk when one of them is first shown (src/web/app.tsx).
export { GroupHomePage } from './group-home-page';
export { ClassGroupPage } from './class-group-page';
export { SociogramStartPage } from './sociogram-start-page';
export { SociogramPage } from './sociogram-page';
export { SociogramSettingsPage } from './sociogram-settings-page';
