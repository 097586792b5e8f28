using System.Buffers;

namespace FastMaker.Polymarket.WebSockets;

/// <summary>
/// One complete WebSocket message as it sits in the connection's Pipe. <see cref="Payload"/> points
/// into the Pipe's buffers and is valid only until the next <see cref="WsFrameReader.Release"/>,
/// <see cref="WsFrameReader.ReadAsync"/> or <see cref="WsFrameReader.TryRead"/>.
/// </summary>
public readonly struct WsFrame
{
    internal WsFrame(ReadOnlySequence<byte> payload, int session, long receivedTimestamp, bool isBinary)
    {
        Payload = payload;
        Session = session;
        ReceivedTimestamp = receivedTimestamp;
        IsBinary = isBinary;
    }

    /// <summary>The message bytes (UTF-8 JSON for the CLOB channels), possibly in several segments.</summary>
    public ReadOnlySequence<byte> Payload { get; }

    /// <summary>The connection session (1 for the first connect, +1 per reconnect) the message arrived on.</summary>
    public int Session { get; }

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> value when the message's last byte was received.</summary>
    public long ReceivedTimestamp { get; }

    /// <summary>True for a binary WebSocket message (the CLOB sends text).</summary>
    public bool IsBinary { get; }
}
