using System.Runtime.InteropServices;

namespace FastMaker.Polymarket.Auth;

/// <summary>
/// OpenSSL's low-level SHA-256 (<c>SHA256_Init/Update/Final</c> from libcrypto 3, which .NET on Linux
/// already loads). It uses the SHA-NI instructions where present and, unlike the EVP one-shot API
/// behind <see cref="System.Security.Cryptography.SHA256"/>, lets a keyed HMAC midstate be copied
/// and reused. When the library or the symbols are missing, <see cref="Available"/> is false and
/// callers use <see cref="ManagedSha256"/>.
/// </summary>
internal static unsafe class NativeSha256
{
    /// <summary>Bytes reserved for an OpenSSL <c>SHA256_CTX</c> (112 bytes in OpenSSL 3; padded).</summary>
    public const int ContextSize = 128;

    /// <summary>
    /// Longest input hashed without the GC transition: SHA-NI runs at about 2 cycles per byte, so a call stays well under a
    /// microsecond, the window in which the GC could not suspend this thread. Longer inputs take the ordinary transition.
    /// </summary>
    public const int SuppressTransitionMaxBytes = 2048;

    public static readonly bool Available;
    private static readonly delegate* unmanaged<byte*, int> s_init;
    private static readonly delegate* unmanaged<byte*, byte*, nuint, int> s_update;
    // The same exports without the GC transition (tens of ns per call saved): they neither block, call back, nor throw.
    // Final always hashes at most two blocks, so it never needs the transition.
    private static readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> s_updateFast;
    private static readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> s_finalFast;

    static NativeSha256()
    {
        if (Environment.GetEnvironmentVariable("FASTMAKER_MANAGED_SHA256") == "1")
            return;
        if (!NativeLibrary.TryLoad("libcrypto.so.3", out IntPtr lib) && !NativeLibrary.TryLoad("libcrypto.3.dylib", out lib))
            return;
        if (!NativeLibrary.TryGetExport(lib, "SHA256_Init", out IntPtr init)
            || !NativeLibrary.TryGetExport(lib, "SHA256_Update", out IntPtr update)
            || !NativeLibrary.TryGetExport(lib, "SHA256_Final", out IntPtr final))
            return;
        s_init = (delegate* unmanaged<byte*, int>)init;
        s_update = (delegate* unmanaged<byte*, byte*, nuint, int>)update;
        s_updateFast = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int>)update;
        s_finalFast = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int>)final;
        Available = SelfTest();
    }

    public static void Init(Span<byte> context)
    {
        fixed (byte* c = context) s_init(c);
    }

    public static void Update(Span<byte> context, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return;
        fixed (byte* c = context)
        fixed (byte* d = data)
        {
            if (data.Length <= SuppressTransitionMaxBytes) s_updateFast(c, d, (nuint)data.Length);
            else s_update(c, d, (nuint)data.Length);
        }
    }

    public static void Final(Span<byte> context, Span<byte> digest)
    {
        fixed (byte* c = context)
        fixed (byte* d = digest)
            s_finalFast(d, c);
    }

    // Guards against an ABI surprise (a different context layout would corrupt memory or the result).
    private static bool SelfTest()
    {
        Span<byte> ctx = stackalloc byte[ContextSize];
        Span<byte> digest = stackalloc byte[32];
        ReadOnlySpan<byte> abc = "abc"u8;
        Init(ctx);
        Update(ctx, abc);
        Final(ctx, digest);
        return digest.SequenceEqual(System.Security.Cryptography.SHA256.HashData(abc));
    }
}
