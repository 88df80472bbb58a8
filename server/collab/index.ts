/**
 * The collaboration hub's public face for the rest of the server. The websocket route is
 * server/api/collab/[id].ts; everything else the server needs from the hub is exported here.
 * See docs/collaboration.md.
 */
export { disconnectUser, getRoomDocForRead, onRoomChanged, startCollabHub, updateUserRole, withRoomDoc } from './hub'
