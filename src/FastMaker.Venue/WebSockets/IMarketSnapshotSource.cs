namespace FastMaker.Venue.WebSockets;

/// <summary>Supplies a market-channel book snapshot for an asset when a client subscribes.</summary>
public interface IMarketSnapshotSource
{
    /// <summary>
    /// Calls <paramref name="subscribe"/> with the serialized <c>book</c> event for <paramref name="assetId"/> (null if the
    /// asset is unknown) while no level change can be published, so that a subscriber added inside the call receives
    /// the snapshot before any change, and every change after it.
    /// </summary>
    void SubscribeWithSnapshot<TState>(string assetId, TState state, Action<TState, byte[]?> subscribe);
}

/// <summary>Checks user-channel credentials.</summary>
public interface IUserChannelAuthenticator
{
    /// <summary>True if the key exists and the secret and passphrase belong to it.</summary>
    bool Authenticate(string apiKey, string secret, string passphrase);
}
