import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { UnreadNotificationsQuery } from './notifications.graphql';

/** The unread count, asked every minute and whenever the window comes back into focus. */
export function useUnreadCount(): number {
  const { data, refetch } = useQuery(UnreadNotificationsQuery, { pollInterval: 60_000, notifyOnNetworkStatusChange: false });
  useEffect(() => {
    const again = () => void refetch().catch(() => undefined);
    window.addEventListener('focus', again);
    return () => window.removeEventListener('focus', again);
  }, [refetch]);
  return data?.notifications.length ?? 0;
}
