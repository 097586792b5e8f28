using System.Text;
using FastMaker.Engine.Registry;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Pipeline;

/// <summary>Market-channel frames in the wire's shape, for one reference market.</summary>
internal static class TestFrames
{
    public const string Condition = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
    public const string Yes = "52114319501245915516055106046884209969926127482827954674443846427813813222426";
    public const string No = "60487116984468020978247225474488676749601001829886755968952521846780452448915";

    public static readonly byte[] Pong = "PONG"u8.ToArray();

    public static MarketRegistry Registry()
    {
        var registry = new MarketRegistry();
        registry.GetOrAdd(Hash32.Parse(Condition), UInt256.Parse(Yes), UInt256.Parse(No));
        return registry;
    }

    public static byte[] Book(string asset, string tick, (string P, string S)[] bids, (string P, string S)[] asks)
    {
        static string Levels((string P, string S)[] levels) =>
            string.Join(",", levels.Select(l => $"{{\"price\":\"{l.P}\",\"size\":\"{l.S}\"}}"));
        return Encoding.UTF8.GetBytes(
            $"{{\"event_type\":\"book\",\"market\":\"{Condition}\",\"asset_id\":\"{asset}\",\"timestamp\":\"1786604072222\"," +
            $"\"hash\":\"ed47eb91f3c7985fac1cb18cb7c19535eddd3c0a\",\"tick_size\":\"{tick}\"," +
            $"\"bids\":[{Levels(bids)}],\"asks\":[{Levels(asks)}]}}");
    }

    public static byte[] Change(string asset, string price, string side, string size, string bestBid, string bestAsk) =>
        Encoding.UTF8.GetBytes(
            $"{{\"event_type\":\"price_change\",\"market\":\"{Condition}\",\"timestamp\":\"1786604072300\",\"price_changes\":[" +
            $"{{\"asset_id\":\"{asset}\",\"price\":\"{price}\",\"side\":\"{side}\",\"size\":\"{size}\"," +
            $"\"hash\":\"bf32b3746fff40c76c98021b7f3f07261169dd26\",\"best_bid\":\"{bestBid}\",\"best_ask\":\"{bestAsk}\"}}]}}");
}
