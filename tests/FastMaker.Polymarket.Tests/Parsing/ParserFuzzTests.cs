using System.Buffers;
using System.Text.Json;
using FastMaker.Polymarket.Parsing;
using static FastMaker.Polymarket.Tests.Parsing.ParsingTestSupport;

namespace FastMaker.Polymarket.Tests.Parsing;

/// <summary>
/// Random mutations of the recorded messages (byte flips, truncation, insertion, deletion,
/// duplicated spans, swapped tokens) through both parsers: no exception escapes, work is bounded
/// (the sink sees at most a few calls per input byte), a frame that is not well-formed JSON always
/// gets an error, and splitting the frame into segments never changes the calls.
/// A fast run by default; set FASTMAKER_FUZZ_LONG=1 for 1,000,000 cases.
/// </summary>
public class ParserFuzzTests
{
    private static readonly byte[][] Corpus = MarketFixtureNames().Concat(UserFixtureNames()).Distinct().Select(Fixture).ToArray();

    private static readonly byte[][] Tokens =
    [
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(), "\""u8.ToArray(),
        "null"u8.ToArray(), "\"\""u8.ToArray(), "\"book\""u8.ToArray(), "\"price_change\""u8.ToArray(), "\"trade\""u8.ToArray(),
        "\"order\""u8.ToArray(), "1e999"u8.ToArray(), "-0"u8.ToArray(), "\"0.\""u8.ToArray(), "\"\\u0030.5\""u8.ToArray(), "\\"u8.ToArray(),
        "{\"event_type\":\"book\"}"u8.ToArray(), "999999999999999999999"u8.ToArray(), "\u00e9"u8.ToArray(), [0xff], [0x00],
    ];

    [Fact]
    public void FastRun_MutatedRecordedFrames_NeverThrowNeverHangAndReportBrokenFrames()
    {
        RunCases(cases: 6_000, seed: 20261124);
    }

    [Fact]
    public void MalformedFrame_SplitInsideTheRejectedToken_ReportsTheSameReasonAndOffset()
    {
        // Found by the long run (seed 7, case 43317): an unquoted value whose first byte ends a segment made the
        // multi-segment reader report byte 0 instead of the whole frame's offset.
        byte[] frame = "{\n  \"asset_id\": \"1\",\n  \"event_type\":  tick_size_change\",\n  \"market\": \"0x1\"\n}\n"u8.ToArray();
        int bad = Array.IndexOf(frame, (byte)'t', Array.IndexOf(frame, (byte)':', 20));
        var whole = RecordingMarketSink.Create();
        new MarketChannelParser().Parse(new ReadOnlySequence<byte>(frame), ref whole);
        FrameError expected = Assert.Single(whole.Errors);
        Assert.Equal(FrameErrorReason.MalformedJson, expected.Reason);
        Assert.Equal(bad + 1, expected.ByteOffset); // 't' starts "true"; the reader rejects the 'i' after it

        for (int cut = 1; cut < frame.Length; cut++)
        {
            var market = RecordingMarketSink.Create();
            new MarketChannelParser().Parse(Split(frame, cut), ref market);
            Assert.Equal(expected, Assert.Single(market.Errors));
            var user = RecordingUserSink.Create();
            new UserChannelParser().Parse(Split(frame, cut), ref user);
            Assert.Equal(expected, Assert.Single(user.Errors));
        }
    }

    [Fact]
    public void LongRun_OneMillionMutations_WhenEnabled()
    {
        if (Environment.GetEnvironmentVariable("FASTMAKER_FUZZ_LONG") != "1")
        {
            return;
        }

        RunCases(cases: 1_000_000, seed: 7);
    }

    private static void RunCases(int cases, int seed)
    {
        var random = new Random(seed);
        var market = new MarketChannelParser();
        var user = new UserChannelParser();
        int broken = 0;
        for (int i = 0; i < cases; i++)
        {
            byte[] frame = Mutate(Corpus[random.Next(Corpus.Length)], random);
            bool wellFormed = IsWellFormedJson(frame) || frame.AsSpan().SequenceEqual("PONG"u8);
            int cut = frame.Length < 2 ? 0 : random.Next(1, frame.Length);

            var m1 = RecordingMarketSink.Create();
            var m2 = RecordingMarketSink.Create();
            var u1 = RecordingUserSink.Create();
            var u2 = RecordingUserSink.Create();
            try
            {
                market.Parse(new ReadOnlySequence<byte>(frame), ref m1);
                market.Parse(cut == 0 ? new ReadOnlySequence<byte>(frame) : Split(frame, cut), ref m2);
                user.Parse(new ReadOnlySequence<byte>(frame), ref u1);
                user.Parse(cut == 0 ? new ReadOnlySequence<byte>(frame) : Split(frame, cut), ref u2);
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i}: {e.GetType().Name} {e.Message} on frame {Convert.ToBase64String(frame)}");
            }

            Assert.True(m1.Calls.Count <= frame.Length + 2, "unbounded market output");
            Assert.True(u1.Calls.Count <= frame.Length + 2, "unbounded user output");
            if (!m1.Calls.SequenceEqual(m2.Calls) || !u1.Calls.SequenceEqual(u2.Calls))
            {
                Assert.Fail(
                    $"case {i}: splitting at byte {cut} changed the calls; frame {Convert.ToBase64String(frame)}\n" +
                    $"market whole: {string.Join(" | ", m1.Calls)}\nmarket split: {string.Join(" | ", m2.Calls)}\n" +
                    $"user whole: {string.Join(" | ", u1.Calls)}\nuser split: {string.Join(" | ", u2.Calls)}");
            }
            if (!wellFormed)
            {
                broken++;
                Assert.NotEmpty(m1.Errors);
                Assert.NotEmpty(u1.Errors);
            }
        }

        Assert.True(broken > cases / 10, "the mutator produced too few broken frames to prove anything: " + broken);
    }

    private static bool IsWellFormedJson(byte[] frame)
    {
        try
        {
            var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = 16 });
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static byte[] Mutate(byte[] source, Random random)
    {
        var data = new List<byte>(source);
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations; m++)
        {
            int length = data.Count;
            int pos = length == 0 ? 0 : random.Next(length);
            switch (random.Next(6))
            {
                case 0: // flip bits of one byte
                    if (length > 0)
                    {
                        data[pos] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1: // truncate
                    data.RemoveRange(pos, length - pos);
                    break;
                case 2: // insert a token
                    data.InsertRange(pos, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3: // delete a span
                    data.RemoveRange(pos, Math.Min(1 + random.Next(16), length - pos));
                    break;
                case 4: // duplicate a span
                    if (length > 0)
                    {
                        int span = Math.Min(1 + random.Next(64), length - pos);
                        data.InsertRange(random.Next(length), data.GetRange(pos, span));
                    }

                    break;
                default: // swap two spans of equal length
                    if (length > 8)
                    {
                        int span = 1 + random.Next(Math.Min(24, length / 4));
                        int a = random.Next(length - span);
                        int b = random.Next(length - span);
                        byte[] first = data.GetRange(a, span).ToArray();
                        byte[] second = data.GetRange(b, span).ToArray();
                        for (int k = 0; k < span; k++)
                        {
                            data[a + k] = second[k];
                        }

                        for (int k = 0; k < span; k++)
                        {
                            data[b + k] = first[k];
                        }
                    }

                    break;
            }
        }

        return data.ToArray();
    }
}
