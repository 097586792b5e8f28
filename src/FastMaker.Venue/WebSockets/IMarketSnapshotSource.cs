namespace FastMaker.Venue.WebSockets;

/// <summary>Supplies a market-channel book snapshot for an asset when a client subscribes.</summary>
public interface IMarketSnapshotSource
{
    /// <summary>The serialized <c>book</c> event for <paramref name="assetId"/>, or null if the asset is unknown.</summary>
    byte[]? BookSnapshot(string assetId);
}

/// <summary>Checks user-channel credentials.</summary>
public interface IUserChannelAuthenticator
{
    /// <summary>True if the key exists and the secret and passphrase belong to it.</summary>
    bool Authenticate(string apiKey, string secret, string passphrase);
}
