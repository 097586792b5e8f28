using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace FastMaker.Polymarket.Auth;

/// <summary>
/// Polymarket L2 request signing: HMAC-SHA256 over <c>timestamp + method + requestPath + body</c> with
/// the base64url-decoded API secret, written as url-safe base64 with its '=' padding (44 characters).
/// The keyed HMAC state is computed once here, so <see cref="Sign(long, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>
/// allocates nothing. Thread-safe: all per-call state is on the stack.
/// </summary>
[SkipLocalsInit]
public sealed class L2Signer
{
    /// <summary>Length of the signature in characters (32 bytes as padded base64).</summary>
    public const int SignatureLength = 44;

    private readonly HmacSha256Key _key;

    /// <summary>Creates a signer for <paramref name="credentials"/>; <paramref name="address"/> is the signer EOA sent as POLY_ADDRESS.</summary>
    public L2Signer(ApiCredentials credentials, string address)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (string.IsNullOrEmpty(address)) throw new ArgumentException("POLY_ADDRESS (the signer address) is empty.", nameof(address));
        Credentials = credentials;
        Address = address;
        byte[] key = credentials.DecodeSecret();
        if (key.Length == 0) throw new ArgumentException("API secret decodes to zero bytes.", nameof(credentials));
        _key = new HmacSha256Key(key);
        Array.Clear(key);
    }

    /// <summary>The credentials (their ToString hides the secret).</summary>
    public ApiCredentials Credentials { get; }

    /// <summary>The POLY_ADDRESS value.</summary>
    public string Address { get; }

    /// <summary>True when the HMAC runs on OpenSSL's SHA-256 (SHA-NI); false on the portable fallback.</summary>
    public bool IsNativeSha256 => _key.IsNative;

    /// <summary>
    /// Writes the 44-byte UTF-8 signature of one request into <paramref name="signature"/>.
    /// <paramref name="method"/> is upper case ("GET", "POST", "DELETE"); <paramref name="requestPath"/>
    /// excludes the query string; <paramref name="body"/> is the exact bytes sent (empty when none).
    /// </summary>
    public void Sign(long timestampSeconds, ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestPath, ReadOnlySpan<byte> body, Span<byte> signature)
    {
        if (signature.Length < SignatureLength) ThrowHelper.DestinationTooSmall(nameof(signature));
        Span<byte> digits = stackalloc byte[20];
        if (!Utf8Formatter.TryFormat(timestampSeconds, digits, out int digitCount)) ThrowHelper.DestinationTooSmall(nameof(timestampSeconds));

        var context = new HmacSha256Key.Context();
        _key.Start(ref context);
        _key.Append(ref context, digits[..digitCount]);
        _key.Append(ref context, method);
        _key.Append(ref context, requestPath);
        _key.Append(ref context, body);
        Span<byte> mac = stackalloc byte[HmacSha256Key.MacSize];
        _key.Finish(ref context, mac);

        Base64.EncodeToUtf8(mac, signature, out _, out _);
        for (int i = 0; i < SignatureLength; i++)
        {
            byte b = signature[i];
            if (b == (byte)'+') signature[i] = (byte)'-';
            else if (b == (byte)'/') signature[i] = (byte)'_';
        }
    }

    /// <summary>Writes the 44-character signature into <paramref name="signature"/>.</summary>
    public void Sign(long timestampSeconds, ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestPath, ReadOnlySpan<byte> body, Span<char> signature)
    {
        if (signature.Length < SignatureLength) ThrowHelper.DestinationTooSmall(nameof(signature));
        Span<byte> utf8 = stackalloc byte[SignatureLength];
        Sign(timestampSeconds, method, requestPath, body, utf8);
        for (int i = 0; i < SignatureLength; i++) signature[i] = (char)utf8[i];
    }

    /// <summary>Convenience: the signature as a string (allocates; for cold paths and tools).</summary>
    public string Sign(long timestampSeconds, string method, string requestPath, string? body)
    {
        Span<char> chars = stackalloc char[SignatureLength];
        Sign(timestampSeconds, Encoding.UTF8.GetBytes(method), Encoding.UTF8.GetBytes(requestPath),
             body is null ? default : Encoding.UTF8.GetBytes(body), chars);
        return new string(chars);
    }

    /// <summary>
    /// Adds the five L2 headers (POLY_ADDRESS, POLY_SIGNATURE, POLY_TIMESTAMP, POLY_API_KEY, POLY_PASSPHRASE)
    /// to <paramref name="request"/>. The method comes from the request; <paramref name="requestPath"/> is the
    /// path the venue signs (no query string); <paramref name="body"/> must be the exact bytes of the content.
    /// </summary>
    public void AddHeaders(HttpRequestMessage request, long timestampSeconds, string requestPath, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        Span<char> signature = stackalloc char[SignatureLength];
        Sign(timestampSeconds, Encoding.ASCII.GetBytes(request.Method.Method), Encoding.UTF8.GetBytes(requestPath), body, signature);
        var headers = request.Headers;
        headers.Remove(PolyHeaderNames.Address);
        headers.Remove(PolyHeaderNames.Signature);
        headers.Remove(PolyHeaderNames.Timestamp);
        headers.Remove(PolyHeaderNames.ApiKey);
        headers.Remove(PolyHeaderNames.Passphrase);
        headers.TryAddWithoutValidation(PolyHeaderNames.Address, Address);
        headers.TryAddWithoutValidation(PolyHeaderNames.Signature, new string(signature));
        headers.TryAddWithoutValidation(PolyHeaderNames.Timestamp, timestampSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        headers.TryAddWithoutValidation(PolyHeaderNames.ApiKey, Credentials.ApiKey);
        headers.TryAddWithoutValidation(PolyHeaderNames.Passphrase, Credentials.Passphrase);
    }

    /// <summary>
    /// Adds the five L2 headers, taking the path from <c>request.RequestUri</c> (its query string is not
    /// signed, as on the venue).
    /// </summary>
    public void AddHeaders(HttpRequestMessage request, long timestampSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri = request.RequestUri ?? throw new ArgumentException("The request has no RequestUri.", nameof(request));
        string path;
        if (uri.IsAbsoluteUri)
        {
            path = uri.AbsolutePath;
        }
        else
        {
            path = uri.OriginalString;
            int query = path.IndexOf('?');
            if (query >= 0) path = path[..query];
        }
        AddHeaders(request, timestampSeconds, path, body);
    }

    private static class ThrowHelper
    {
        public static void DestinationTooSmall(string name) =>
            throw new ArgumentException($"The destination needs at least {SignatureLength} elements.", name);
    }
}
