using FastMaker.Polymarket.Orders;

namespace FastMaker.Integration.Tests;

/// <summary>The live suite's configuration: which variables select live mode, what a partial setting says, and that the key is never shown.</summary>
[Trait("Category", "LiveSanity")]
public sealed class LiveSanityTargetTests
{
    private const string Key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    private static Func<string, string?> Env(Dictionary<string, string> values) => name => values.GetValueOrDefault(name);

    private static Dictionary<string, string> Complete() => new()
    {
        [LiveSanityTarget.ClobVariable] = "https://clob.example",
        [LiveSanityTarget.GammaVariable] = "https://gamma.example",
        [LiveSanityTarget.WsVariable] = "wss://ws.example/ws/",
        [LiveSanityTarget.KeyVariable] = Key,
        [LiveSanityTarget.SignatureTypeVariable] = "2",
        [LiveSanityTarget.FunderVariable] = "0x6e0c01a8f6a1e1e5d4b1b3c1a1f0c3d9b8a7e6f5",
        [LiveSanityTarget.MarketsVariable] = "0xaa, 0xbb",
    };

    [Fact]
    public void NoClobUrl_MeansTheInProcessVenue()
    {
        Assert.Null(LiveSanityTarget.FromEnvironment(Env(new Dictionary<string, string> { [LiveSanityTarget.KeyVariable] = Key })));
    }

    [Fact]
    public void CompleteSettings_AreRead_AndTheDescriptionNeverShowsTheKey()
    {
        var target = LiveSanityTarget.FromEnvironment(Env(Complete()))!;
        Assert.True(target.IsLive);
        Assert.Equal("wss://ws.example/ws/market", target.WsMarketUrl.ToString());
        Assert.Equal(SignatureType.PolyGnosisSafe, target.SignatureType);
        Assert.Equal(137, target.ChainId);
        Assert.Equal(["0xaa", "0xbb"], target.MarketIds);
        Assert.NotNull(target.Funder);
        var description = target.Describe();
        Assert.DoesNotContain(Key[2..], description, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(target.Signer.AddressChecksummed, description);
        target.Signer.Dispose();
    }

    [Theory]
    [InlineData(LiveSanityTarget.GammaVariable)]
    [InlineData(LiveSanityTarget.WsVariable)]
    [InlineData(LiveSanityTarget.KeyVariable)]
    public void PartialSettings_FailNamingWhatIsMissing_InsteadOfFallingBackToTheVenue(string missing)
    {
        var values = Complete();
        values.Remove(missing);
        var error = Assert.Throws<InvalidOperationException>(() => LiveSanityTarget.FromEnvironment(Env(values)));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void BadSignatureType_IsRejectedWithTheAllowedValues()
    {
        var values = Complete();
        values[LiveSanityTarget.SignatureTypeVariable] = "7";
        var error = Assert.Throws<InvalidOperationException>(() => LiveSanityTarget.FromEnvironment(Env(values)));
        Assert.Contains("0, 1, 2 or 3", error.Message);
    }
}
