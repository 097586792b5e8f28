namespace FastMaker.Polymarket.Auth;

/// <summary>
/// L2 API credentials as returned by <c>POST /auth/api-key</c> or <c>GET /auth/derive-api-key</c>.
/// The secret is base64url (the venue's alphabet; standard base64 is accepted too). <see cref="ToString"/>
/// never prints the secret or the passphrase, so an instance is safe to log.
/// </summary>
public sealed class ApiCredentials
{
    /// <summary>Environment variable names read by <see cref="FromEnvironment"/>.</summary>
    public const string ApiKeyVariable = "POLY_API_KEY", SecretVariable = "POLY_API_SECRET", PassphraseVariable = "POLY_PASSPHRASE";

    /// <summary>Creates credentials; every part must be non-empty.</summary>
    public ApiCredentials(string apiKey, string secret, string passphrase)
    {
        if (string.IsNullOrEmpty(apiKey)) throw new ArgumentException("API key is empty.", nameof(apiKey));
        if (string.IsNullOrEmpty(secret)) throw new ArgumentException("API secret is empty.", nameof(secret));
        if (string.IsNullOrEmpty(passphrase)) throw new ArgumentException("API passphrase is empty.", nameof(passphrase));
        ApiKey = apiKey;
        Secret = secret;
        Passphrase = passphrase;
    }

    /// <summary>The API key (a UUID); sent as <c>POLY_API_KEY</c> and as the order's <c>owner</c>.</summary>
    public string ApiKey { get; }

    /// <summary>The HMAC secret, base64url.</summary>
    public string Secret { get; }

    /// <summary>The passphrase, sent as <c>POLY_PASSPHRASE</c>.</summary>
    public string Passphrase { get; }

    /// <summary>Reads the credentials from POLY_API_KEY, POLY_API_SECRET and POLY_PASSPHRASE.</summary>
    public static ApiCredentials FromEnvironment()
    {
        string? key = Environment.GetEnvironmentVariable(ApiKeyVariable);
        string? secret = Environment.GetEnvironmentVariable(SecretVariable);
        string? passphrase = Environment.GetEnvironmentVariable(PassphraseVariable);
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(passphrase))
            throw new InvalidOperationException($"L2 credentials need the environment variables {ApiKeyVariable}, {SecretVariable} and {PassphraseVariable}.");
        return new ApiCredentials(key, secret, passphrase);
    }

    /// <summary>Decodes the base64url (or base64) secret into HMAC key bytes, as the official client does.</summary>
    public byte[] DecodeSecret()
    {
        // The official client maps '-' to '+', '_' to '/' and restores the padding before decoding.
        var normalized = new char[(Secret.Length + 3) / 4 * 4];
        int i = 0;
        foreach (char c in Secret)
        {
            char n = c switch { '-' => '+', '_' => '/', _ => c };
            if (n == '=')
                break;
            if (!(char.IsAsciiLetterOrDigit(n) || n == '+' || n == '/'))
                throw new FormatException($"API secret is not base64url: unexpected character at position {i}.");
            normalized[i++] = n;
        }
        if (i % 4 == 1)
            throw new FormatException("API secret is not base64url: its length is impossible for base64.");
        while (i % 4 != 0) normalized[i++] = '=';
        return Convert.FromBase64CharArray(normalized, 0, i);
    }

    /// <inheritdoc/>
    public override string ToString() => $"ApiCredentials {{ ApiKey = {ApiKey}, Secret = ***, Passphrase = *** }}";
}
