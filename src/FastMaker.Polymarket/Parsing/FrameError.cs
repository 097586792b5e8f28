namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// A rejected frame or event: the reason and the byte offset in the frame where the parser
/// found the problem (the start of the offending token, or of the object for a missing field;
/// for malformed JSON the byte at which the reader detected it). The offset counts from the start
/// of the frame and never depends on how the frame was split into segments.
/// </summary>
public readonly struct FrameError
{
    /// <summary>Why the frame or event was rejected.</summary>
    public readonly FrameErrorReason Reason;

    /// <summary>Byte offset from the start of the frame.</summary>
    public readonly long ByteOffset;

    /// <summary>Creates an error value.</summary>
    public FrameError(FrameErrorReason reason, long byteOffset)
    {
        Reason = reason;
        ByteOffset = byteOffset;
    }

    /// <inheritdoc />
    public override string ToString() => Reason + " at byte " + ByteOffset.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
