using System.Buffers;
using System.Numerics;
using FastMaker.Engine.Pipeline;

namespace FastMaker.Engine.Journal;

/// <summary>
/// Appends every raw frame and every control input to a capture file (FORMAT.md) off the hot path. The ingress copies
/// each frame into a preallocated byte ring (<see cref="Append"/>, no allocation, no system call) and each control item
/// as an encoded control record (<see cref="AppendControl"/>); a journal thread writes what has been published in
/// batches and flushes after each batch.
/// </summary>
/// <remarks>
/// When the ring is full the ingress waits for the journal thread (counted in <see cref="FullRingWaits"/>): a capture
/// with holes would replay wrongly. A frame larger than the ring streams through it in pieces. If writing fails,
/// <see cref="Fault"/> holds the error and later frames are counted in <see cref="FramesDropped"/> instead.
/// </remarks>
public sealed class FrameJournal : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _flushToDisk;
    private readonly byte[] _ring;
    private readonly long _mask;
    private readonly Thread _thread;
    private readonly int _pollMs;
    private readonly byte[] _header = new byte[CaptureFormat.RecordHeaderLength];
    private long _writePosition;   // producer only
    private long _published;       // producer writes, journal thread reads
    private long _consumed;        // journal thread writes, producer reads
    private volatile bool _completing;
    private volatile Exception? _fault;
    private readonly ControlWriter _control = new();
    private long _framesDropped;
    private long _frames;
    private long _controls;
    private long _unknownColdObjects;

    /// <summary>Creates a journal writing to a new file at <paramref name="path"/> (overwritten if it exists).</summary>
    public static FrameJournal Create(string path, long createdUnixMs, int ringBytes = 4 * 1024 * 1024, bool flushToDisk = false) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024), createdUnixMs, ringBytes, flushToDisk);

    /// <summary>Creates a journal writing to <paramref name="stream"/>, which it owns and disposes.</summary>
    /// <param name="stream">Where the capture goes.</param>
    /// <param name="createdUnixMs">Stamped into the file header.</param>
    /// <param name="ringBytes">Size of the byte ring between the ingress and the journal thread: a power of 2, at least 4096.</param>
    /// <param name="flushToDisk">Also fsync after each batch (survives an OS crash, costs a disk flush per batch).</param>
    /// <param name="pollMilliseconds">How long the journal thread sleeps when it found nothing to write.</param>
    public FrameJournal(Stream stream, long createdUnixMs, int ringBytes = 4 * 1024 * 1024, bool flushToDisk = false, int pollMilliseconds = 1)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (ringBytes < 4096 || !BitOperations.IsPow2(ringBytes))
        {
            throw new ArgumentOutOfRangeException(nameof(ringBytes), ringBytes, "ringBytes must be a power of 2 and at least 4096");
        }

        if (pollMilliseconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pollMilliseconds), pollMilliseconds, "pollMilliseconds must be at least 1");
        }

        _stream = stream;
        _flushToDisk = flushToDisk;
        _pollMs = pollMilliseconds;
        _ring = new byte[ringBytes];
        _mask = ringBytes - 1;
        Span<byte> header = stackalloc byte[CaptureFormat.FileHeaderLength];
        CaptureFormat.WriteFileHeader(header, createdUnixMs);
        _stream.Write(header);
        _thread = new Thread(WriteLoop) { IsBackground = true, Name = "fastmaker-journal" };
        _thread.Start();
    }

    /// <summary>Frames appended.</summary>
    public long Frames => Volatile.Read(ref _frames);

    /// <summary>Control records appended.</summary>
    public long ControlRecords => Volatile.Read(ref _controls);

    /// <summary>Control items whose cold object was of a type the codec does not know (journaled without it; replay sees no object).</summary>
    public long UnknownColdObjects => Volatile.Read(ref _unknownColdObjects);

    /// <summary>Frames not journaled because writing had failed.</summary>
    public long FramesDropped => Volatile.Read(ref _framesDropped);

    /// <summary>Times <see cref="Append"/> found the ring full and waited for the journal thread.</summary>
    public long FullRingWaits { get; private set; }

    /// <summary>Bytes written to the stream so far, header included.</summary>
    public long BytesWritten => CaptureFormat.FileHeaderLength + Volatile.Read(ref _consumed);

    /// <summary>The write error that stopped the journal, or null.</summary>
    public Exception? Fault => _fault;

    /// <summary>Copies one frame into the ring. Ingress thread only (single producer).</summary>
    public void Append(long receiveMs, InboundChannel channel, short connectionId, in ReadOnlySequence<byte> frame)
    {
        if (_fault is not null)
        {
            Volatile.Write(ref _framesDropped, _framesDropped + 1);
            return;
        }

        var length = frame.Length;
        if (length > CaptureFormat.MaxFrameLength)
        {
            // Cannot be represented in the format; never happens with the CLOB's frame sizes.
            Volatile.Write(ref _framesDropped, _framesDropped + 1);
            return;
        }

        CaptureFormat.WriteRecordHeader(_header, receiveMs, (byte)channel, connectionId, (int)length);
        Copy(_header);
        if (frame.IsSingleSegment)
        {
            Copy(frame.FirstSpan);
        }
        else
        {
            foreach (var segment in frame)
            {
                Copy(segment.Span);
            }
        }

        // Release: the record's bytes are visible before the journal thread sees the new position.
        Volatile.Write(ref _published, _writePosition);
        Volatile.Write(ref _frames, _frames + 1);
    }

    /// <summary>
    /// Appends one control item (timer, connection status, metadata refresh, REST reply, operator command) as a control
    /// record stamped with its own receive time. Ingress thread only, in the order the items are published.
    /// </summary>
    public void AppendControl(in ControlItem item)
    {
        if (_fault is not null)
        {
            Volatile.Write(ref _framesDropped, _framesDropped + 1);
            return;
        }

        if (!ControlRecordCodec.Encode(item, _control))
        {
            Volatile.Write(ref _unknownColdObjects, _unknownColdObjects + 1);
        }

        var body = _control.Written;
        CaptureFormat.WriteRecordHeader(_header, item.ReceiveMs, CaptureFormat.ControlChannel, item.ConnectionId, body.Length);
        Copy(_header);
        Copy(body);
        // Release: the record's bytes are visible before the journal thread sees the new position.
        Volatile.Write(ref _published, _writePosition);
        Volatile.Write(ref _controls, _controls + 1);
    }

    /// <summary>No-op hook for the ingress's exit: the journal thread flushes on its own after each batch.</summary>
    public void FlushHint()
    {
    }

    /// <summary>Writes everything appended so far, flushes, stops the thread and closes the stream; rethrows a write error.</summary>
    public void Dispose()
    {
        _completing = true;
        _thread.Join();
        _stream.Dispose();
        if (_fault is { } fault)
        {
            throw new IOException("the journal failed to write the capture: " + fault.Message, fault);
        }
    }

    private void Copy(ReadOnlySpan<byte> source)
    {
        while (!source.IsEmpty)
        {
            // Acquire: the journal thread has finished writing the bytes before the position it released.
            var free = _ring.Length - (_writePosition - Volatile.Read(ref _consumed));
            if (free == 0)
            {
                WaitForSpace();
                if (_fault is not null)
                {
                    return;
                }

                continue;
            }

            var offset = (int)(_writePosition & _mask);
            var chunk = (int)Math.Min(Math.Min(free, source.Length), _ring.Length - offset);
            source[..chunk].CopyTo(_ring.AsSpan(offset, chunk));
            _writePosition += chunk;
            source = source[chunk..];
        }
    }

    private void WaitForSpace()
    {
        FullRingWaits++;
        // Publish what is there so the journal thread can make room (a partial record at worst, as after a crash).
        Volatile.Write(ref _published, _writePosition);
        var spinner = new SpinWait();
        while (_ring.Length - (_writePosition - Volatile.Read(ref _consumed)) == 0 && _fault is null)
        {
            spinner.SpinOnce(sleep1Threshold: 30);
        }
    }

    private void WriteLoop()
    {
        try
        {
            while (true)
            {
                var completing = _completing;
                // Acquire: pairs with the producer's release of _published.
                var published = Volatile.Read(ref _published);
                var consumed = _consumed;
                if (published == consumed)
                {
                    if (completing)
                    {
                        return;
                    }

                    Thread.Sleep(_pollMs);
                    continue;
                }

                var start = (int)(consumed & _mask);
                var count = published - consumed;
                var first = (int)Math.Min(count, _ring.Length - start);
                _stream.Write(_ring, start, first);
                if (count > first)
                {
                    _stream.Write(_ring, 0, (int)(count - first));
                }

                if (_flushToDisk && _stream is FileStream file)
                {
                    file.Flush(flushToDisk: true);
                }
                else
                {
                    _stream.Flush();
                }

                // Release: the ring bytes are written out before the producer may reuse them.
                Volatile.Write(ref _consumed, published);
            }
        }
        catch (Exception exception)
        {
            _fault = exception;
        }
    }
}
