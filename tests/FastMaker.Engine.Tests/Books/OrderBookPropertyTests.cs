using FastMaker.Engine.Books;
using FastMaker.Primitives;
using FsCheck.Xunit;

namespace FastMaker.Engine.Tests.Books;

/// <summary>
/// A random stream of snapshots, deltas (some invalid) and tick-size changes, applied to the dense book and to a
/// naive sorted-dictionary book; after every step both agree on every level, the best prices and trust.
/// </summary>
public class OrderBookPropertyTests
{
    private static readonly TickSize[] Ticks =
        [TickSize.Tenth, TickSize.Hundredth, TickSize.HalfHundredth, TickSize.QuarterHundredth, TickSize.Thousandth, TickSize.TenThousandth];

    [Property(MaxTest = 300)]
    public void RandomStream_MatchesSortedDictionaryBook_AfterEveryStep(int seed)
    {
        var rng = new Random(seed);
        var tick = Ticks[rng.Next(Ticks.Length)];
        var book = new OrderBook(tick);
        var model = new ModelBook(tick);
        var scratch = new BookLevel[TickSize.TenThousandth.TicksPerUnit + 1];

        for (var step = 0; step < 200; step++)
        {
            var op = rng.Next(100);
            if (op < 8)
            {
                book.BeginSnapshot();
                model.BeginSnapshot();
                var levels = rng.Next(0, 30);
                for (var i = 0; i < levels; i++)
                {
                    var side = rng.Next(2) == 0 ? Side.Buy : Side.Sell;
                    var price = RandomPrice(rng, model.Tick, side);
                    var size = Quantity.FromRaw(rng.Next(1, 5_000) * 10_000L);
                    book.SetLevel(side, price, size);
                    model.SetLevel(side, price, size);
                }

                book.EndSnapshot(step);
                model.EndSnapshot();
            }
            else if (op < 10)
            {
                var next = Ticks[rng.Next(Ticks.Length)];
                book.ChangeTickSize(next);
                model.ChangeTickSize(next);
            }
            else
            {
                var side = rng.Next(2) == 0 ? Side.Buy : Side.Sell;
                var price = rng.Next(50) == 0 ? Price.FromRaw(rng.Next(-10, 1_000_010)) : RandomPrice(rng, model.Tick, side);
                var size = rng.Next(3) == 0 ? Quantity.Zero : Quantity.FromRaw(rng.Next(1, 5_000) * 10_000L);
                book.ApplyDelta(side, price, size, step);
                model.ApplyDelta(side, price, size);
            }

            AssertSame(model, book, scratch, seed, step);
        }
    }

    private static Price RandomPrice(Random rng, TickSize tick, Side side)
    {
        // Bids mostly below 0.5 and asks above, with overlap so crossings happen sometimes.
        var ticks = tick.TicksPerUnit;
        var center = ticks / 2;
        var spread = Math.Max(1, ticks / 4);
        var index = side == Side.Buy ? center - rng.Next(-spread / 8, spread) : center + rng.Next(-spread / 8, spread);
        index = Math.Clamp(index, 1, ticks - 1);
        return Price.FromRaw(index * tick.Value.Raw);
    }

    private static void AssertSame(ModelBook model, OrderBook book, BookLevel[] scratch, int seed, int step)
    {
        var context = $"seed {seed} step {step}";
        Assert.True(model.Trusted == book.IsTrusted, $"{context}: trusted model={model.Trusted} book={book.UntrustedReason}");
        Span<BookLevel> levels = scratch;
        foreach (var side in new[] { Side.Buy, Side.Sell })
        {
            var expected = model.Levels(side);
            var count = book.CopyLevels(side, levels);
            Assert.True(expected.Count == count, $"{context}: {side} level count model={expected.Count} book={count}");
            for (var i = 0; i < count; i++)
            {
                Assert.True(expected[i] == levels[i], $"{context}: {side} level {i} model={expected[i]} book={levels[i]}");
            }
        }

        Assert.Equal(model.Levels(Side.Buy).Count, book.BidLevels);
        Assert.Equal(model.Levels(Side.Sell).Count, book.AskLevels);
        var hasBid = book.TryGetBestBid(out var bid, out _);
        Assert.Equal(model.Levels(Side.Buy).Count > 0, hasBid);
        if (hasBid)
        {
            Assert.Equal(model.Levels(Side.Buy)[0].Price, bid);
        }
    }

    /// <summary>The obviously-correct book: sorted dictionaries and the same trust rules, written plainly.</summary>
    private sealed class ModelBook(TickSize tick)
    {
        private readonly SortedDictionary<int, long> _bids = new();
        private readonly SortedDictionary<int, long> _asks = new();

        public TickSize Tick { get; private set; } = tick;

        public bool Trusted { get; private set; }

        public void BeginSnapshot()
        {
            _bids.Clear();
            _asks.Clear();
            Trusted = true;
        }

        public void EndSnapshot() => CheckCrossed();

        public void SetLevel(Side side, Price price, Quantity size)
        {
            if (price.Raw <= 0 || price.Raw >= Price.Scale || price.Raw % Tick.Value.Raw != 0 || size.Raw < 0)
            {
                Trusted = false;
                return;
            }

            var levels = side == Side.Buy ? _bids : _asks;
            if (size.Raw == 0)
            {
                levels.Remove(price.Raw);
            }
            else
            {
                levels[price.Raw] = size.Raw;
            }
        }

        public void ApplyDelta(Side side, Price price, Quantity size)
        {
            SetLevel(side, price, size);
            CheckCrossed();
        }

        public void ChangeTickSize(TickSize next)
        {
            Tick = next;
            foreach (var levels in new[] { _bids, _asks })
            {
                foreach (var price in levels.Keys.ToList())
                {
                    if (price % next.Value.Raw != 0)
                    {
                        levels.Remove(price);
                        Trusted = false;
                    }
                }
            }

            CheckCrossed();
        }

        public List<BookLevel> Levels(Side side) => side == Side.Buy
            ? _bids.Reverse().Select(kv => new BookLevel(Price.FromRaw(kv.Key), Quantity.FromRaw(kv.Value))).ToList()
            : _asks.Select(kv => new BookLevel(Price.FromRaw(kv.Key), Quantity.FromRaw(kv.Value))).ToList();

        private void CheckCrossed()
        {
            if (_bids.Count > 0 && _asks.Count > 0 && _bids.Keys.Max() >= _asks.Keys.Min())
            {
                Trusted = false;
            }
        }
    }
}
