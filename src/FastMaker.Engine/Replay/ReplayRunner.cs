using System.Buffers;
using FastMaker.Engine.Journal;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using BookLevel = FastMaker.Engine.Books.BookLevel;

namespace FastMaker.Engine.Replay;

/// <summary>
/// Runs the engine over recorded frames on the calling thread (no ring, no threads, no clock: time comes from the frames),
/// sending nothing, and reports the final state. The same frames always give the same report.
/// </summary>
public static class ReplayRunner
{
    /// <summary>
    /// Loads a capture (<paramref name="capturePath"/>) or a frames JSONL file (<paramref name="framesPath"/>), exactly one,
    /// takes markets from <paramref name="marketsPath"/> (Gamma JSON) when given or from the frames otherwise, and replays.
    /// Bad files throw <see cref="InvalidDataException"/>, <see cref="FileNotFoundException"/> or <see cref="ArgumentException"/>
    /// with a message that names the problem.
    /// </summary>
    public static ReplayReport RunFiles(string? capturePath, string? framesPath, string? marketsPath, EngineOptions? options = null)
    {
        if ((capturePath is null) == (framesPath is null))
        {
            throw new ArgumentException("give exactly one of --capture FILE or --frames FILE.jsonl");
        }

        var warnings = new List<string>();
        List<ReplayFrame> frames;
        if (capturePath is not null)
        {
            RequireFile(capturePath, "capture");
            frames = CaptureFrames.ReadFile(capturePath, out var truncated);
            if (truncated is not null)
            {
                warnings.Add(truncated);
            }
        }
        else
        {
            RequireFile(framesPath!, "frames");
            frames = FramesJsonlReader.ReadFile(framesPath!);
        }

        var registry = new MarketRegistry();
        if (marketsPath is null && HasMetadataRecords(frames))
        {
            // The capture carries the live run's own metadata refreshes: replay them into an empty registry, as live.
        }
        else if (marketsPath is not null)
        {
            RequireFile(marketsPath, "markets");
            warnings.AddRange(ReplayMarkets.LoadGamma(File.ReadAllText(marketsPath), registry));
        }
        else
        {
            warnings.AddRange(ReplayMarkets.DiscoverFromFrames(frames, registry));
        }

        return Run(frames, registry, options, warnings);
    }

    /// <summary>True when a version-2 capture holds at least one metadata refresh control record.</summary>
    public static bool HasMetadataRecords(IReadOnlyList<ReplayFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        foreach (var frame in frames)
        {
            if (frame.Channel == InboundChannel.Control && frame.Frame.Length > 0 && frame.Frame.Span[0] == (byte)InboundKind.MetadataRefresh)
            {
                return true;
            }
        }

        return false;
    }

    private static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(what + " file not found: " + path, path);
        }
    }

    /// <summary>Replays <paramref name="frames"/> through a new engine over <paramref name="registry"/>.</summary>
    /// <param name="frames">The frames and control records, in the order the ingress published them.</param>
    /// <param name="registry">Markets (from the frames or from Gamma, or empty when the capture carries its metadata); the engine owns it from now on.</param>
    /// <param name="options">Engine options (staleness).</param>
    /// <param name="warnings">Input problems to carry into the report.</param>
    /// <param name="configure">Called with the new engine before the first event (e.g. to set its live-order source as the live run had it).</param>
    /// <param name="afterEvent">Called after each event, on the calling thread, while the engine's intents of that event are readable.</param>
    public static ReplayReport Run(
        IReadOnlyList<ReplayFrame> frames,
        MarketRegistry registry,
        EngineOptions? options = null,
        IReadOnlyList<string>? warnings = null,
        Action<EngineCore>? configure = null,
        Action<EngineCore>? afterEvent = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(registry);
        var engine = new EngineCore(registry, options ?? new EngineOptions());
        using var recorder = new IntentRecorder();
        configure?.Invoke(engine);

        var errors = new List<ReplayError>();
        var target = new ReplayTarget(engine, errors, recorder, afterEvent);
        var translator = new FrameTranslator<ReplayTarget>(target);
        var marketParser = new MarketChannelParser();
        var userParser = new UserChannelParser();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            target.SetFrame(i, frame.ReceiveMs);
            if (frame.Channel == InboundChannel.Control)
            {
                if (ControlRecordCodec.TryDecode(frame.Frame.Span, frame.ReceiveMs, out var item, out var error))
                {
                    translator.Publish(item, i);
                }
                else
                {
                    errors.Add(new ReplayError(i, frame.ReceiveMs, "control record: " + error));
                }

                continue;
            }

            translator.BeginFrame(frame.Channel, frame.ConnectionId, frame.ReceiveMs, i);
            var payload = new ReadOnlySequence<byte>(frame.Frame);
            if (frame.Channel == InboundChannel.User)
            {
                userParser.Parse(payload, ref translator);
            }
            else
            {
                marketParser.Parse(payload, ref translator);
            }
        }

        // Frame-level checks of the last frame run when the next frame starts; there is none, so run them now.
        engine.Books.VerifyFrame();

        return new ReplayReport
        {
            Frames = frames.Count,
            Books = BookReports(engine),
            Events = EventCounts(engine),
            Errors = errors,
            Warnings = warnings ?? [],
            IntentCount = recorder.Count,
            IntentsHash = recorder.HashHex(),
            UnknownTokenEvents = engine.Books.UnknownTokenEvents,
        };
    }

    private static List<TokenBookReport> BookReports(EngineCore engine)
    {
        var registry = engine.Registry;
        var books = new List<TokenBookReport>(registry.TokenCount);
        var scratch = new BookLevel[4096];
        for (var token = 0; token < registry.TokenCount; token++)
        {
            var market = registry.MarketOfToken(token);
            var assetId = (token == market.YesIndex ? market.YesToken : market.NoToken).ToString();
            var book = engine.Books.Book(token);
            if (book is null)
            {
                books.Add(new TokenBookReport(assetId, market.Tick, false, [], []));
                continue;
            }

            var depth = Math.Max(book.BidLevels, book.AskLevels);
            if (depth > scratch.Length)
            {
                scratch = new BookLevel[depth];
            }

            var bids = Levels(book.CopyLevels(Side.Buy, scratch), scratch);
            var asks = Levels(book.CopyLevels(Side.Sell, scratch), scratch);
            books.Add(new TokenBookReport(assetId, book.Tick, book.IsTrusted, bids, asks));
        }

        return books;
    }

    private static List<(Price, Quantity)> Levels(int count, BookLevel[] levels)
    {
        var list = new List<(Price, Quantity)>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add((levels[i].Price, levels[i].Size));
        }

        return list;
    }

    private static List<(InboundKind, long)> EventCounts(EngineCore engine)
    {
        var counts = new List<(InboundKind, long)>();
        foreach (var kind in Enum.GetValues<InboundKind>())
        {
            var count = engine.EventCount(kind);
            if (count > 0)
            {
                counts.Add((kind, count));
            }
        }

        return counts;
    }

    /// <summary>Feeds the engine directly, records each event's intents from the engine's buffer, and notes malformed frames with their reasons.</summary>
    private struct ReplayTarget : IInboundTarget
    {
        private readonly EngineCore _engine;
        private readonly List<ReplayError> _errors;
        private readonly IntentRecorder _recorder;
        private readonly Action<EngineCore>? _afterEvent;
        private readonly InboundEvent[] _slot;
        private readonly long[] _frame; // [0] index, [1] receive ms: shared by the copies the translator holds

        public ReplayTarget(EngineCore engine, List<ReplayError> errors, IntentRecorder recorder, Action<EngineCore>? afterEvent)
        {
            _engine = engine;
            _errors = errors;
            _recorder = recorder;
            _afterEvent = afterEvent;
            _slot = new InboundEvent[1];
            _frame = new long[2];
        }

        public void SetFrame(long index, long receiveMs)
        {
            _frame[0] = index;
            _frame[1] = receiveMs;
        }

        public ref InboundEvent Claim() => ref _slot[0];

        public void Commit()
        {
            ref var e = ref _slot[0];
            if (e.Kind == InboundKind.FrameError)
            {
                _errors.Add(new ReplayError(_frame[0], _frame[1], e.Payload.FrameError.ToString()));
            }

            _engine.OnEvent(ref e);
            // The engine clears its buffer before each event: what it holds now is this event's intents, in order.
            foreach (ref readonly var intent in _engine.Intents.AsSpan())
            {
                _recorder.Record(in intent);
            }

            _afterEvent?.Invoke(_engine);
            e.Cold = null;
        }
    }
}
