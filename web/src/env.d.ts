declare module 'virtual:px-story.css';
declare module '*.css';
