using System.Buffers;
using FastMaker.Polymarket.WebSockets;

namespace FastMaker.Engine.Pipeline;

/// <summary>A WebSocket connection's Pipe as an <see cref="IFrameSource"/>; binary messages are skipped (the CLOB sends text).</summary>
public sealed class WsFrameSource : IFrameSource
{
    private readonly WsFrameReader _reader;

    /// <summary>Wraps <paramref name="connection"/>'s reader; the ingress becomes its only consumer.</summary>
    public WsFrameSource(WsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _reader = connection.Reader;
        Channel = connection.Channel == WsChannel.User ? InboundChannel.User : InboundChannel.Market;
        ConnectionId = checked((short)connection.Id);
    }

    /// <inheritdoc />
    public InboundChannel Channel { get; }

    /// <inheritdoc />
    public short ConnectionId { get; }

    /// <summary>Binary messages skipped.</summary>
    public long BinaryFramesSkipped { get; private set; }

    /// <inheritdoc />
    public bool IsCompleted => _reader.IsCompleted;

    /// <inheritdoc />
    public bool TryRead() => _reader.TryRead();

    /// <inheritdoc />
    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => _reader.ReadAsync(cancellationToken);

    /// <inheritdoc />
    public bool TryGetFrame(out ReadOnlySequence<byte> payload, out long receivedTimestamp)
    {
        while (_reader.TryGetFrame(out var frame))
        {
            if (frame.IsBinary)
            {
                BinaryFramesSkipped++;
                continue;
            }

            payload = frame.Payload;
            receivedTimestamp = frame.ReceivedTimestamp;
            return true;
        }

        payload = default;
        receivedTimestamp = 0;
        return false;
    }

    /// <summary>Maps a transport status change to the engine's connection state, or null when the engine need not know.</summary>
    public static ConnectionState? ToConnectionState(WsStatusKind kind) => kind switch
    {
        WsStatusKind.Subscribed => ConnectionState.Up,
        WsStatusKind.Disconnected or WsStatusKind.Reconnecting or WsStatusKind.Stopped => ConnectionState.Down,
        WsStatusKind.AssetStale => ConnectionState.AssetSilent,
        _ => null,
    };
}
