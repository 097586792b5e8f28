using System.Buffers;

namespace FastMaker.Engine.Pipeline;

/// <summary>
/// One connection's received frames as the ingress drains them: a WebSocket connection's Pipe live
/// (<see cref="WsFrameSource"/>), or an in-memory source in tests. Single consumer: the ingress thread.
/// </summary>
public interface IFrameSource
{
    /// <summary>Which channel the frames belong to (selects the parser).</summary>
    InboundChannel Channel { get; }

    /// <summary>The connection (shard) id stamped on its events.</summary>
    short ConnectionId { get; }

    /// <summary>Takes whatever data is ready without waiting; false when none is.</summary>
    bool TryRead();

    /// <summary>Waits for data; false when the source is finished and drained.</summary>
    ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The next complete frame of the current read; valid until the next read.</summary>
    /// <param name="payload">The frame bytes.</param>
    /// <param name="receivedTimestamp">The <see cref="TimeProvider.GetTimestamp"/> value when it was received.</param>
    bool TryGetFrame(out ReadOnlySequence<byte> payload, out long receivedTimestamp);

    /// <summary>True once the source is finished and every frame was read.</summary>
    bool IsCompleted { get; }
}
