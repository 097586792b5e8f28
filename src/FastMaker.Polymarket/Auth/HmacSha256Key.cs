using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace FastMaker.Polymarket.Auth;

/// <summary>
/// HMAC-SHA256 with the keyed inner and outer SHA-256 states computed once per key, so that a MAC
/// costs only the compressions of the message plus one outer block: no per-call key schedule and
/// no EVP context setup. Backed by OpenSSL's SHA-NI code where available (<see cref="NativeSha256"/>),
/// else by <see cref="ManagedSha256"/>. Immutable after construction, so one instance may be shared
/// by threads; per-call state lives in a <see cref="Context"/> on the caller's stack.
/// </summary>
[SkipLocalsInit]
internal sealed class HmacSha256Key
{
    private const int BlockSize = 64;
    public const int MacSize = 32;

    private readonly byte[] _innerSnapshot = new byte[NativeSha256.ContextSize];
    private readonly byte[] _outerSnapshot = new byte[NativeSha256.ContextSize];
    private readonly bool _native;

    public HmacSha256Key(ReadOnlySpan<byte> key, bool forceManaged = false)
    {
        _native = NativeSha256.Available && !forceManaged;
        Span<byte> k = stackalloc byte[BlockSize];
        k.Clear();
        if (key.Length > BlockSize)
            SHA256.HashData(key, k);
        else
            key.CopyTo(k);

        Span<byte> pad = stackalloc byte[BlockSize];
        for (int i = 0; i < BlockSize; i++) pad[i] = (byte)(k[i] ^ 0x36);
        Init(_innerSnapshot);
        Update(_innerSnapshot, pad);
        for (int i = 0; i < BlockSize; i++) pad[i] = (byte)(k[i] ^ 0x5c);
        Init(_outerSnapshot);
        Update(_outerSnapshot, pad);
        CryptographicOperations.ZeroMemory(k);
        CryptographicOperations.ZeroMemory(pad);
    }

    /// <summary>True when the OpenSSL SHA-256 backend is in use.</summary>
    public bool IsNative => _native;

    /// <summary>Starts a MAC: copies the keyed inner state into <paramref name="context"/>.</summary>
    public void Start(ref Context context) => _innerSnapshot.AsSpan().CopyTo(context);

    /// <summary>Appends message bytes.</summary>
    public void Append(ref Context context, ReadOnlySpan<byte> data) => Update(context, data);

    /// <summary>Writes the 32-byte MAC.</summary>
    public void Finish(ref Context context, Span<byte> mac)
    {
        Span<byte> innerDigest = stackalloc byte[MacSize];
        Final(context, innerDigest);
        _outerSnapshot.AsSpan().CopyTo(context);
        Update(context, innerDigest);
        Final(context, mac);
    }

    /// <summary>One-call MAC of a single span.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> mac)
    {
        var context = new Context();
        Start(ref context);
        Append(ref context, message);
        Finish(ref context, mac);
    }

    private void Init(Span<byte> ctx)
    {
        if (_native) NativeSha256.Init(ctx);
        else ManagedSha256.Init(ctx);
    }

    private void Update(Span<byte> ctx, ReadOnlySpan<byte> data)
    {
        if (_native) NativeSha256.Update(ctx, data);
        else ManagedSha256.Update(ctx, data);
    }

    private void Final(Span<byte> ctx, Span<byte> digest)
    {
        if (_native) NativeSha256.Final(ctx, digest);
        else ManagedSha256.Final(ctx, digest);
    }

    /// <summary>A SHA-256 context (OpenSSL's SHA256_CTX or the managed layout), kept on the stack.</summary>
    [InlineArray(NativeSha256.ContextSize)]
    public struct Context { private byte _element; }
}
