using System.Buffers.Binary;

namespace FastMaker.Engine.Journal;

/// <summary>Constants and layout of the capture file (see FORMAT.md next to this file).</summary>
public static class CaptureFormat
{
    /// <summary>The four magic bytes at offset 0: "FMCP".</summary>
    public static ReadOnlySpan<byte> Magic => "FMCP"u8;

    /// <summary>The format version this code writes: 2 (frames and control records).</summary>
    public const ushort Version = 2;

    /// <summary>The oldest version this code reads: 1 (frames only).</summary>
    public const ushort MinReadableVersion = 1;

    /// <summary>The channel byte of a control record (version 2 on): its body is a <see cref="ControlRecordCodec"/> encoding.</summary>
    public const byte ControlChannel = 2;

    /// <summary>Length of the file header in bytes.</summary>
    public const int FileHeaderLength = 16;

    /// <summary>Length of a record header in bytes.</summary>
    public const int RecordHeaderLength = 16;

    /// <summary>The largest frame a record may hold; a larger length means a corrupt file.</summary>
    public const int MaxFrameLength = 64 * 1024 * 1024;

    /// <summary>Writes the file header.</summary>
    public static void WriteFileHeader(Span<byte> destination, long createdUnixMs)
    {
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], FileHeaderLength);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], createdUnixMs);
    }

    /// <summary>Writes a record header.</summary>
    public static void WriteRecordHeader(Span<byte> destination, long receiveMs, byte channel, short connectionId, int length)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, receiveMs);
        destination[8] = channel;
        destination[9] = 0;
        BinaryPrimitives.WriteInt16LittleEndian(destination[10..], connectionId);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], length);
    }
}
