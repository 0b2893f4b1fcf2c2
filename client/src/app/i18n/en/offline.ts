/** English messages (a reporter with no signal, issue #16). Same keys as ../vi/offline.ts. */
export const offline = {
  'offline.banner': 'No network: showing the figures last loaded. What you enter is kept on this device and sent when the network is back.',
  'offline.queued': 'No network: {count} figures kept on this device, not sent yet. They are sent when the network is back.',
  'offline.sent': 'Sent {count} figures entered without network.',
  'offline.notSent': 'Not sent',
  'offline.notSentAt': 'Entered at {at}, not sent yet: sent when the network is back',
  'offline.listTitle': 'Figures not sent yet ({count})',
  'offline.conflictTitle': 'The figure was changed while you were offline',
  'offline.current': 'Figure now in the system: {figure}',
  'offline.mine': 'Your figure: {figure}',
  'offline.keepMine': 'Keep mine',
  'offline.useCurrent': 'Use the current one',
  'offline.refusedTitle': 'This figure could not be sent',
  'offline.discard': 'Discard this figure',
  'offline.open': 'Open',
  'offline.empty': 'empty',
} as const;
