using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FastMaker.Venue.Auth;

/// <summary>Result of an L2 check: the credentials on success, or why it failed (for tests; the client sees the reference's one text).</summary>
public readonly record struct L2Result(ApiCredentials? Credentials, string? Failure)
{
    /// <summary>True when the request is authenticated.</summary>
    public bool Ok => Credentials is not null;
}

/// <summary>
/// Verifies L2 headers by recomputing the HMAC: base64url(HMAC-SHA256(base64url-decode(secret),
/// timestamp + METHOD + path + body)), with the timestamp inside the configured window.
/// </summary>
public sealed class L2Verifier
{
    private readonly ApiKeyStore _keys;
    private readonly TimeProvider _time;
    private readonly int _windowSeconds;

    /// <summary>Creates a verifier.</summary>
    public L2Verifier(ApiKeyStore keys, TimeProvider time, int windowSeconds)
    {
        _keys = keys;
        _time = time;
        _windowSeconds = windowSeconds;
    }

    /// <summary>Checks the five POLY_ headers against the request method, path (no query) and raw body.</summary>
    public L2Result Verify(string? address, string? signature, string? timestamp, string? apiKey, string? passphrase,
        string method, string path, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(address) || string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp)
            || string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(passphrase))
            return new L2Result(null, "missing L2 header");
        if (!_keys.TryGet(apiKey, out var credentials)) return new L2Result(null, "unknown api key");
        if (!ApiKeyStore.FixedTimeEquals(credentials!.Passphrase, passphrase)) return new L2Result(null, "wrong passphrase");
        if (!string.Equals(credentials.Address, address, StringComparison.OrdinalIgnoreCase)) return new L2Result(null, "POLY_ADDRESS is not the key's address");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long ts)) return new L2Result(null, "POLY_TIMESTAMP is not unix seconds");
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - ts) > _windowSeconds) return new L2Result(null, "POLY_TIMESTAMP outside the window");
        if (!TryDecodeSecret(credentials.Secret, out byte[] key)) return new L2Result(null, "bad secret");

        Span<byte> mac = stackalloc byte[32];
        using (var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key))
        {
            hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + method + path));
            hmac.AppendData(body);
            hmac.GetHashAndReset(mac);
        }
        Span<byte> expected = stackalloc byte[44];
        Base64.EncodeToUtf8(mac, expected, out _, out int written);
        for (int i = 0; i < written; i++)
        {
            if (expected[i] == (byte)'+') expected[i] = (byte)'-';
            else if (expected[i] == (byte)'/') expected[i] = (byte)'_';
        }
        // Clients keep '=' padding; accept either alphabet for the received value.
        Span<byte> received = stackalloc byte[64];
        if (signature.Length > received.Length) return new L2Result(null, "bad signature");
        int n = Encoding.ASCII.GetBytes(signature, received);
        for (int i = 0; i < n; i++)
        {
            if (received[i] == (byte)'+') received[i] = (byte)'-';
            else if (received[i] == (byte)'/') received[i] = (byte)'_';
        }
        return CryptographicOperations.FixedTimeEquals(expected[..written], received[..n])
            ? new L2Result(credentials, null)
            : new L2Result(null, "bad signature");
    }

    internal static bool TryDecodeSecret(string secret, out byte[] key)
    {
        string standard = secret.Replace('-', '+').Replace('_', '/');
        int pad = (4 - standard.Length % 4) % 4;
        if (pad == 3) { key = []; return false; }
        standard += new string('=', pad);
        try { key = Convert.FromBase64String(standard); return true; }
        catch (FormatException) { key = []; return false; }
    }
}
