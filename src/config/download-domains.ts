/** Teams hands out SharePoint / OneDrive download URLs (commercial, government and national clouds). */
export const DEFAULT_DOWNLOAD_DOMAINS = ['sharepoint.com', 'sharepoint.us', 'sharepoint-mil.us', 'sharepoint.de', 'sharepoint.cn', 'onedrive.com', 'onedrive.live.com', '1drv.com', '1drv.ms'];
