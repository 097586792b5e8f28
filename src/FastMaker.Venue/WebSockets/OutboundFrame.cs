namespace FastMaker.Venue.WebSockets;

/// <summary>
/// One queued message. JSON messages may be merged into one array frame; control text (PONG) is sent alone.
/// The byte array is shared by every subscriber and never mutated after publication.
/// </summary>
internal readonly record struct OutboundFrame(byte[] Payload, bool IsJson);
