namespace FastMaker.Polymarket.WebSockets;

/// <summary>
/// The L2 API credentials sent in the user channel's first message. The secret and passphrase
/// never appear in <see cref="ToString"/>, so a logged instance leaks nothing.
/// </summary>
public sealed class UserChannelAuth
{
    public UserChannelAuth(string apiKey, string secret, string passphrase)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        ApiKey = apiKey;
        Secret = secret;
        Passphrase = passphrase;
    }

    /// <summary>The API key (a UUID).</summary>
    public string ApiKey { get; }

    /// <summary>The base64url API secret.</summary>
    public string Secret { get; }

    /// <summary>The API passphrase.</summary>
    public string Passphrase { get; }

    public override string ToString() => "UserChannelAuth(apiKey=" + ApiKey + ", secret=***, passphrase=***)";
}
