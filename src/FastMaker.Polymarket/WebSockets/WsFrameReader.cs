using System.Buffers;
using System.IO.Pipelines;

namespace FastMaker.Polymarket.WebSockets;

/// <summary>
/// The consumer side of a connection's Pipe: hands out complete messages as
/// <see cref="ReadOnlySequence{T}"/> without copying them. Single consumer; not thread-safe.
/// <code>
/// while (await reader.ReadAsync(ct))
///     while (reader.TryGetFrame(out var frame)) Parse(frame.Payload);
/// </code>
/// Frames stay valid until the next read or <see cref="Release"/>.
/// </summary>
public sealed class WsFrameReader
{
    private readonly PipeReader _pipe;
    private readonly List<FrameSegment> _segmentPool = new();
    private int _segmentsUsed;
    private ReadOnlySequence<byte> _buffer;
    private SequencePosition _consumed;
    private bool _holding;
    private bool _completed;

    internal WsFrameReader(PipeReader pipe) => _pipe = pipe;

    /// <summary>True once the connection was disposed and every frame was read.</summary>
    public bool IsCompleted => _completed;

    /// <summary>Waits for new data; false when the connection is disposed and drained.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        Release();
        if (_completed) return false;
        ReadResult result = await _pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
        return Accept(result);
    }

    /// <summary>Takes whatever data is ready without waiting (for a polling ingress loop); false when none is.</summary>
    public bool TryRead()
    {
        Release();
        if (_completed) return false;
        return _pipe.TryRead(out ReadResult result) && Accept(result);
    }

    /// <summary>The next complete message of the current read, if any.</summary>
    public bool TryGetFrame(out WsFrame frame)
    {
        frame = default;
        if (!_holding) return false;
        while (true)
        {
            var reader = new SequenceReader<byte>(_buffer.Slice(_consumed));
            int firstSegment = _segmentsUsed;
            FrameSegment? head = null;
            FrameSegment? tail = null;
            ReadOnlySequence<byte> single = default;
            int chunks = 0;
            while (true)
            {
                if (!reader.TryReadLittleEndian(out int word) || !reader.TryReadLittleEndian(out int session) || !reader.TryReadLittleEndian(out long timestamp))
                {
                    _segmentsUsed = firstSegment;
                    return false;
                }
                int length = WsFrameHeader.Length(word);
                if (reader.Remaining < length)
                {
                    _segmentsUsed = firstSegment;
                    return false;
                }
                if (WsFrameHeader.IsDiscard(word))
                {
                    // The socket died mid-message: drop the partial chunks and start after the marker.
                    reader.Advance(length);
                    _consumed = reader.Position;
                    _segmentsUsed = firstSegment;
                    break;
                }
                ReadOnlySequence<byte> chunk = reader.Sequence.Slice(reader.Position, length);
                reader.Advance(length);
                bool end = WsFrameHeader.IsEndOfMessage(word);
                if (chunks == 0 && end)
                {
                    _consumed = reader.Position;
                    frame = new WsFrame(chunk, session, timestamp, WsFrameHeader.IsBinary(word));
                    return true;
                }
                if (chunks == 0) single = chunk;
                else
                {
                    if (chunks == 1) Append(single, ref head, ref tail);
                    Append(chunk, ref head, ref tail);
                }
                chunks++;
                if (end)
                {
                    _consumed = reader.Position;
                    ReadOnlySequence<byte> payload = head is null
                        ? ReadOnlySequence<byte>.Empty
                        : new ReadOnlySequence<byte>(head, 0, tail!, tail!.Memory.Length);
                    frame = new WsFrame(payload, session, timestamp, WsFrameHeader.IsBinary(word));
                    return true;
                }
            }
        }
    }

    /// <summary>Gives the bytes of every frame returned so far back to the Pipe.</summary>
    public void Release()
    {
        if (!_holding) return;
        _holding = false;
        _segmentsUsed = 0;
        // Examined = End: the next read waits for new bytes instead of returning the same partial chunk.
        _pipe.AdvanceTo(_consumed, _buffer.End);
    }

    private bool Accept(ReadResult result)
    {
        _buffer = result.Buffer;
        _consumed = _buffer.Start;
        _holding = true;
        if (result.IsCompleted || result.IsCanceled)
        {
            if (result.IsCompleted && !HasCompleteFrame())
            {
                Release();
                _completed = true;
                return false;
            }
        }
        return true;
    }

    private bool HasCompleteFrame()
    {
        SequencePosition saved = _consumed;
        int savedSegments = _segmentsUsed;
        bool found = TryGetFrame(out _);
        _consumed = saved;
        _segmentsUsed = savedSegments;
        return found;
    }

    private void Append(ReadOnlySequence<byte> chunk, ref FrameSegment? head, ref FrameSegment? tail)
    {
        foreach (ReadOnlyMemory<byte> memory in chunk)
        {
            if (memory.IsEmpty) continue;
            FrameSegment segment = RentSegment();
            segment.Reset(memory, tail is null ? 0 : tail.RunningIndex + tail.Memory.Length);
            if (tail is null) head = segment;
            else tail.Link(segment);
            tail = segment;
        }
    }

    private FrameSegment RentSegment()
    {
        if (_segmentsUsed == _segmentPool.Count) _segmentPool.Add(new FrameSegment());
        return _segmentPool[_segmentsUsed++];
    }
}
