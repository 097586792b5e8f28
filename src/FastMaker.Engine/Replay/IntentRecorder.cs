using System.Buffers.Binary;
using System.Security.Cryptography;
using FastMaker.Engine.Orders;

namespace FastMaker.Engine.Replay;

/// <summary>
/// Counts and hashes (SHA-256 over a fixed little-endian encoding of every field, in order) the intents a replay
/// produces, so that two replays of one capture can be compared byte for byte.
/// </summary>
public sealed class IntentRecorder : IDisposable
{
    private const int EncodedLength = 1 + 1 + 1 + 1 + 1 + 4 + 4 + 4 + 8 + 8 + 32 + 8;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[EncodedLength];

    /// <summary>Intents recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Records one intent.</summary>
    public void Record(in OrderIntent intent)
    {
        var b = _buffer.AsSpan();
        b[0] = (byte)intent.Kind;
        b[1] = (byte)intent.Origin;
        b[2] = (byte)intent.Side;
        b[3] = intent.PostOnly ? (byte)1 : (byte)0;
        b[4] = (byte)intent.TimeInForce;
        BinaryPrimitives.WriteInt32LittleEndian(b[5..], intent.TokenIndex);
        BinaryPrimitives.WriteInt32LittleEndian(b[9..], intent.MarketIndex);
        BinaryPrimitives.WriteInt32LittleEndian(b[13..], intent.Price.Raw);
        BinaryPrimitives.WriteInt64LittleEndian(b[17..], intent.Size.Raw);
        BinaryPrimitives.WriteInt64LittleEndian(b[25..], intent.ExpirationSeconds);
        intent.TargetOrderId.CopyTo(b[33..]);
        BinaryPrimitives.WriteInt64LittleEndian(b[65..], intent.CreatedMs);
        _hash.AppendData(b);
        Count++;
    }

    /// <summary>The hex SHA-256 of every intent so far (of nothing when there were none).</summary>
    public string HashHex()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetCurrentHash(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
