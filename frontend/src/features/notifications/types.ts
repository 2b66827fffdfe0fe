/** Shapes of the notifications API (backend `notifications/dto`). */
export { EMAIL_FREQUENCIES, type EmailFrequency } from '@backend/notifications/notification-kinds';

export interface NotificationItem {
  id: string;
  kind: string;
  recordType: 'activity' | 'vendor' | 'dpia' | 'design_grid';
  recordId: string;
  recordReference: string;
  recordName: string;
  dueDate: string | null;
  createdAt: string;
  read: boolean;
  message: string;
  link: string;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  page: number;
  pageSize: number;
  unread: number;
}

export interface StoredEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: 'fr' | 'en';
  kind: 'immediate' | 'digest';
  createdAt: string;
}
