namespace FastMaker.Primitives.Tests;

/// <summary>Parsing and formatting on the hot path allocate nothing once warmed up.</summary>
public class AllocationTests
{
    private const int Iterations = 10_000;

    private static long Measure(Action body)
    {
        // Warm up so tiering and static initialization are not counted.
        for (int i = 0; i < 3; i++)
        {
            body();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        body();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void ParsingEveryType_AllocatesZeroBytes()
    {
        long bytes = Measure(static () =>
        {
            long sink = 0;
            ReadOnlySpan<byte> price = "0.5234"u8;
            ReadOnlySpan<byte> size = "1250.5"u8;
            ReadOnlySpan<byte> amount = "-12.25"u8;
            ReadOnlySpan<byte> token = "71321045679252212594626385532706912750332728571942532289631379312455583992563"u8;
            ReadOnlySpan<byte> hash = "0x5F65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1"u8;
            ReadOnlySpan<byte> address = "0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E"u8;
            ReadOnlySpan<byte> tick = "0.01"u8;
            ReadOnlySpan<byte> bad = "0.1234567"u8;
            for (int i = 0; i < Iterations; i++)
            {
                Price.TryParse(price, out Price p, out _);
                Quantity.TryParse(size, out Quantity q, out _);
                Amount.TryParse(amount, out Amount a, out _);
                UInt256.TryParse(token, out UInt256 u);
                Hash32.TryParse(hash, out Hash32 h);
                EthAddress.TryParse(address, out EthAddress e);
                TickSize.TryParse(tick, out TickSize t, out _);
                Price.TryParse(bad, out _, out ParseError err);
                Price.TryParse("0.5234".AsSpan(), out Price pc, out _);
                sink += p.Raw + q.Raw + a.Raw + (long)u.U0 + h.GetHashCode() + e.GetHashCode() + t.Value.Raw + (int)err + pc.Raw;
            }

            GC.KeepAlive(sink);
        });
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void FormattingAndArithmetic_AllocateZeroBytes()
    {
        long bytes = Measure(static () =>
        {
            Span<byte> buf = stackalloc byte[80];
            UInt256 token = UInt256.Parse("71321045679252212594626385532706912750332728571942532289631379312455583992563");
            Hash32 hash = Hash32.Parse("0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1");
            EthAddress address = EthAddress.Parse("0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e");
            long sink = 0;
            for (int i = 0; i < Iterations; i++)
            {
                Price.FromRaw(523_400).TryFormat(buf, out int n1);
                Amount.FromRaw(-1_291_500).TryFormat(buf, out int n2);
                token.TryFormat(buf, out int n3);
                hash.TryFormat(buf, out int n4);
                address.TryFormat(buf, out int n5);
                Notional.TryMultiply(Price.FromRaw(123_000), Quantity.FromRaw(10_500_000), Rounding.Up, out Amount a);
                Price r = TickSize.Hundredth.RoundAwayFromTouch(Price.FromRaw(523_400), Side.Sell);
                sink += n1 + n2 + n3 + n4 + n5 + a.Raw + r.Raw;
            }

            GC.KeepAlive(sink);
        });
        Assert.Equal(0, bytes);
    }
}
