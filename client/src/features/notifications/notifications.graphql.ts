import { graphql } from '../../gql';

export const NotificationsQuery = graphql(`
  query Notifications($limit: Int) {
    notifications(limit: $limit) {
      id
      kind
      message
      link
      createdAt
      readAt
    }
  }
`);

/** The bell's count: the unread ones' ids only. */
export const UnreadNotificationsQuery = graphql(`
  query UnreadNotifications {
    notifications(unreadOnly: true, limit: 100) {
      id
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);
