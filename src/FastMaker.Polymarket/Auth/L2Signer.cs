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

    // Stack room for timestamp + method + path + body in one piece: a cancel body (about 80 bytes) fits, an order (about 1 KB) does not.
    private const int InlineMessageBytes = 256;

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
        // The message is assembled on the stack so that a short one (a cancel) is one hash update, a long one (an order) two.
        Span<byte> message = stackalloc byte[InlineMessageBytes];
        if (!Utf8Formatter.TryFormat(timestampSeconds, message, out int length)) ThrowHelper.DestinationTooSmall(nameof(timestampSeconds));

        var context = new HmacSha256Key.Context();
        _key.Start(ref context);
        if (length + method.Length + requestPath.Length + body.Length <= InlineMessageBytes)
        {
            method.CopyTo(message[length..]);
            length += method.Length;
            requestPath.CopyTo(message[length..]);
            length += requestPath.Length;
            body.CopyTo(message[length..]);
            length += body.Length;
            _key.Append(ref context, message[..length]);
        }
        else if (length + method.Length + requestPath.Length <= InlineMessageBytes)
        {
            method.CopyTo(message[length..]);
            length += method.Length;
            requestPath.CopyTo(message[length..]);
            length += requestPath.Length;
            _key.Append(ref context, message[..length]);
            _key.Append(ref context, body);
        }
        else
        {
            _key.Append(ref context, message[..length]);
            _key.Append(ref context, method);
            _key.Append(ref context, requestPath);
            _key.Append(ref context, body);
        }

        Span<byte> mac = stackalloc byte[HmacSha256Key.MacSize];
        _key.Finish(ref context, mac);
        EncodeBase64Url(mac, signature);
    }

    // Url-safe base64 of the 32-byte MAC with its '=' padding, straight into the output: 10 groups of 3 bytes, then 2 bytes.
    private static void EncodeBase64Url(ReadOnlySpan<byte> mac32, Span<byte> output44)
    {
        ReadOnlySpan<byte> alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"u8;
        mac32 = mac32[..32];
        output44 = output44[..SignatureLength];
        int o = 0;
        for (int i = 0; i < 30; i += 3)
        {
            int triple = (mac32[i] << 16) | (mac32[i + 1] << 8) | mac32[i + 2];
            output44[o] = alphabet[triple >> 18];
            output44[o + 1] = alphabet[(triple >> 12) & 63];
            output44[o + 2] = alphabet[(triple >> 6) & 63];
            output44[o + 3] = alphabet[triple & 63];
            o += 4;
        }

        int last = (mac32[30] << 8) | mac32[31];
        output44[40] = alphabet[last >> 10];
        output44[41] = alphabet[(last >> 4) & 63];
        output44[42] = alphabet[(last << 2) & 63];
        output44[43] = (byte)'=';
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
