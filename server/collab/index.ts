/**
 * The collaboration hub's public face for the rest of the server. The websocket route is
 * server/api/collab/[id].ts; routes reach a report's document through
 * server/reports/reportDocument.ts, which is built on `changeRoomDoc` and `copyRoomDoc`.
 * See docs/collaboration.md.
 */
export { changeRoomDoc, copyRoomDoc, disconnectUser, onRoomChanged, startCollabHub, updateUserRole } from './hub'
