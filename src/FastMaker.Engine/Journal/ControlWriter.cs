using System.Buffers.Binary;
using System.Text;
using FastMaker.Primitives;

namespace FastMaker.Engine.Journal;

/// <summary>
/// A reusable little-endian byte writer for control record bodies (<see cref="ControlRecordCodec"/>). Its buffer grows
/// (cold) only when a body is larger than any before; a timer or connection status never allocates.
/// </summary>
public sealed class ControlWriter
{
    private byte[] _buffer;

    /// <summary>Creates a writer with <paramref name="capacity"/> bytes before it grows.</summary>
    public ControlWriter(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        _buffer = new byte[capacity];
    }

    /// <summary>Bytes written since the last <see cref="Reset"/>.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>Starts a new body.</summary>
    public void Reset() => Length = 0;

    /// <summary>One byte.</summary>
    public void U8(byte value) => Take(1)[0] = value;

    /// <summary>A boolean as 0 or 1.</summary>
    public void Bool(bool value) => U8(value ? (byte)1 : (byte)0);

    /// <summary>An optional boolean as 0 (null), 1 (false) or 2 (true).</summary>
    public void OptBool(bool? value) => U8(value switch { null => 0, false => 1, true => 2 });

    /// <summary>A little-endian i16.</summary>
    public void I16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Take(2), value);

    /// <summary>A little-endian i32.</summary>
    public void I32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

    /// <summary>A little-endian i64.</summary>
    public void I64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

    /// <summary>An optional i64: a presence boolean, then the value when present.</summary>
    public void OptI64(long? value)
    {
        Bool(value is not null);
        if (value is { } v)
        {
            I64(v);
        }
    }

    /// <summary>32 bytes.</summary>
    public void Hash(in Hash32 value) => value.CopyTo(Take(32));

    /// <summary>32 bytes, big-endian.</summary>
    public void U256(in UInt256 value) => value.WriteBigEndian(Take(32));

    /// <summary>An i32 UTF-8 byte length (-1 for null), then the bytes.</summary>
    public void Str(string? value)
    {
        if (value is null)
        {
            I32(-1);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        I32(length);
        Encoding.UTF8.GetBytes(value, Take(length));
    }

    private Span<byte> Take(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
