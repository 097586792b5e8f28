using System.Buffers.Binary;
using System.Globalization;
using FastMaker.Engine.Pipeline;

namespace FastMaker.Engine.Journal;

/// <summary>
/// Reads a capture file (FORMAT.md) record by record, validating as it goes. A record cut short by the end of the file
/// (a crash mid-write) ends the capture cleanly with a <see cref="Warning"/>; corruption throws
/// <see cref="InvalidDataException"/> with the byte offset. Never returns a partial frame.
/// </summary>
public sealed class CaptureReader : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _header = new byte[CaptureFormat.RecordHeaderLength];
    private byte[] _frame = new byte[64 * 1024];
    private long _offset;
    private bool _ended;

    /// <summary>Opens a capture file; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public static CaptureReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
        try
        {
            return new CaptureReader(stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads from <paramref name="stream"/>, which it owns; validates the file header now.</summary>
    public CaptureReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        Span<byte> header = stackalloc byte[CaptureFormat.FileHeaderLength];
        var read = _stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < header.Length)
        {
            throw new InvalidDataException("not a capture file: " + read.ToString(CultureInfo.InvariantCulture) + " bytes, shorter than the 16-byte header");
        }

        if (!header[..4].SequenceEqual(CaptureFormat.Magic))
        {
            throw new InvalidDataException("not a capture file: the first four bytes are not \"FMCP\"");
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (version < CaptureFormat.MinReadableVersion || version > CaptureFormat.Version)
        {
            throw new InvalidDataException("capture version " + version.ToString(CultureInfo.InvariantCulture) + " is not supported (this build reads versions 1 and 2)");
        }

        Version = version;

        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
        if (headerLength < CaptureFormat.FileHeaderLength)
        {
            throw new InvalidDataException("capture header length " + headerLength.ToString(CultureInfo.InvariantCulture) + " is shorter than 16 bytes");
        }

        CreatedUnixMs = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        _offset = CaptureFormat.FileHeaderLength;
        for (var extra = headerLength - CaptureFormat.FileHeaderLength; extra > 0; extra--)
        {
            if (_stream.ReadByte() < 0)
            {
                throw new InvalidDataException("capture header is cut short");
            }

            _offset++;
        }
    }

    /// <summary>The file's format version (1: frames only; 2: frames and control records).</summary>
    public ushort Version { get; }

    /// <summary>When the capture was started, unix ms.</summary>
    public long CreatedUnixMs { get; }

    /// <summary>Set when the capture ended with a truncated record (the writer crashed mid-record).</summary>
    public string? Warning { get; private set; }

    /// <summary>Records returned so far.</summary>
    public long Records { get; private set; }

    /// <summary>Reads the next record; false at the clean end (check <see cref="Warning"/>).</summary>
    public bool TryRead(out CaptureRecord record)
    {
        record = default;
        if (_ended)
        {
            return false;
        }

        var start = _offset;
        var read = _stream.ReadAtLeast(_header, _header.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            _ended = true;
            return false;
        }

        if (read < _header.Length)
        {
            return Truncated(start, "its header");
        }

        var receiveMs = BinaryPrimitives.ReadInt64LittleEndian(_header);
        var channel = _header[8];
        var connection = BinaryPrimitives.ReadInt16LittleEndian(_header.AsSpan(10));
        var length = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(12));
        var maxChannel = Version >= 2 ? CaptureFormat.ControlChannel : (byte)InboundChannel.User;
        if (channel > maxChannel)
        {
            throw Corrupt(start, "unknown channel " + channel.ToString(CultureInfo.InvariantCulture));
        }

        if (length < 0 || length > CaptureFormat.MaxFrameLength)
        {
            throw Corrupt(start, "impossible frame length " + length.ToString(CultureInfo.InvariantCulture));
        }

        if (_header[9] != 0)
        {
            throw Corrupt(start, "unknown flags " + _header[9].ToString(CultureInfo.InvariantCulture));
        }

        if (length > _frame.Length)
        {
            _frame = new byte[Math.Max(length, _frame.Length * 2)];
        }

        read = _stream.ReadAtLeast(_frame.AsSpan(0, length), length, throwOnEndOfStream: false);
        if (read < length)
        {
            return Truncated(start, "its frame (" + read.ToString(CultureInfo.InvariantCulture) + " of " + length.ToString(CultureInfo.InvariantCulture) + " bytes)");
        }

        _offset = start + CaptureFormat.RecordHeaderLength + length;
        Records++;
        record = new CaptureRecord(receiveMs, (InboundChannel)channel, connection, _frame.AsMemory(0, length), start);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private bool Truncated(long offset, string what)
    {
        _ended = true;
        Warning = "the last record, at byte " + offset.ToString(CultureInfo.InvariantCulture) + ", is cut short in " + what +
                  " (the writer stopped mid-record); the capture ends before it";
        return false;
    }

    private static InvalidDataException Corrupt(long offset, string what) =>
        new("corrupt capture: record at byte " + offset.ToString(CultureInfo.InvariantCulture) + " has " + what);
}
