namespace FastMaker.Venue.Faults;

/// <summary>
/// Faults switched on demand by tests, scenarios or the loopback control endpoint. Read on every request,
/// written rarely; fields are volatile or Interlocked so no lock is needed.
/// </summary>
public sealed class VenueFaults
{
    private readonly TimeProvider _time;
    private long _restartUntilTicks;
    private long _postOnlyUntilTicks;
    private int _http5xxRemaining;
    private int _http429Remaining;
    private int _failNextTrades;
    private volatile bool _cancelOnly;
    private volatile string? _rejectStormMarket;
    private long _userEventDelayTicks;
    private volatile bool _duplicateUserEvents;
    private volatile bool _reorderUserEvents;

    /// <summary>Creates a fault set with nothing switched on.</summary>
    public VenueFaults(TimeProvider time) => _time = time;

    /// <summary>Raised when a fault needs the WebSocket hub (drop or silence); the venue wires it.</summary>
    internal event Action<WebSocketFault>? WebSocketFaultRequested;

    /// <summary>True while new orders get 503 cancel-only; cancels still work.</summary>
    public bool CancelOnly { get => _cancelOnly; set => _cancelOnly = value; }

    /// <summary>Condition id whose orders are all rejected, or null.</summary>
    public string? RejectStormMarket { get => _rejectStormMarket; set => _rejectStormMarket = value; }

    /// <summary>Delay added to every user-channel event (zero: none).</summary>
    public TimeSpan UserEventDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _userEventDelayTicks));
        set => Interlocked.Exchange(ref _userEventDelayTicks, value.Ticks);
    }

    /// <summary>Send every user-channel event twice.</summary>
    public bool DuplicateUserEvents { get => _duplicateUserEvents; set => _duplicateUserEvents = value; }

    /// <summary>Swap each pair of consecutive user-channel events for the same API key.</summary>
    public bool ReorderUserEvents { get => _reorderUserEvents; set => _reorderUserEvents = value; }

    /// <summary>Starts an engine restart: order endpoints answer 425 for <paramref name="restart"/>, then a post-only window of <paramref name="postOnly"/>.</summary>
    public void TriggerRestart(TimeSpan restart, TimeSpan postOnly)
    {
        long now = _time.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref _postOnlyUntilTicks, now + restart.Ticks + postOnly.Ticks);
        Interlocked.Exchange(ref _restartUntilTicks, now + restart.Ticks);
    }

    /// <summary>True while the matching engine is "restarting" (425 on order endpoints).</summary>
    public bool IsRestarting => _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _restartUntilTicks);

    /// <summary>Seconds left in the post-only window, or 0 outside it (including during the 425 phase).</summary>
    public int PostOnlySecondsLeft
    {
        get
        {
            long now = _time.GetUtcNow().UtcTicks;
            if (now < Interlocked.Read(ref _restartUntilTicks)) return 0;
            long left = Interlocked.Read(ref _postOnlyUntilTicks) - now;
            return left <= 0 ? 0 : (int)Math.Ceiling(left / (double)TimeSpan.TicksPerSecond);
        }
    }

    /// <summary>Seconds left in the restart (425) phase, rounded up; 0 when not restarting.</summary>
    public int RestartSecondsLeft
    {
        get
        {
            long left = Interlocked.Read(ref _restartUntilTicks) - _time.GetUtcNow().UtcTicks;
            return left <= 0 ? 0 : (int)Math.Ceiling(left / (double)TimeSpan.TicksPerSecond);
        }
    }

    /// <summary>The next <paramref name="count"/> REST requests get 500 Internal server error.</summary>
    public void Burst5xx(int count) => Interlocked.Exchange(ref _http5xxRemaining, Math.Max(0, count));

    /// <summary>The next <paramref name="count"/> REST requests get 429 Too Many Requests.</summary>
    public void Burst429(int count) => Interlocked.Exchange(ref _http429Remaining, Math.Max(0, count));

    /// <summary>The next <paramref name="count"/> trades go MATCHED then FAILED instead of settling.</summary>
    public void FailNextTrades(int count) => Interlocked.Exchange(ref _failNextTrades, Math.Max(0, count));

    /// <summary>Closes WebSocket connections abruptly (the client sees a dropped socket).</summary>
    public void DropWebSockets(WebSocketTarget target) => WebSocketFaultRequested?.Invoke(new WebSocketFault(target, WebSocketFaultKind.Drop));

    /// <summary>Stops data on WebSocket connections while PONGs continue (the reference's silent stall).</summary>
    public void SilenceWebSockets(WebSocketTarget target) => WebSocketFaultRequested?.Invoke(new WebSocketFault(target, WebSocketFaultKind.Silence));

    /// <summary>Resumes data on silenced connections (messages sent while silent are lost, as on the real venue).</summary>
    public void UnsilenceWebSockets(WebSocketTarget target) => WebSocketFaultRequested?.Invoke(new WebSocketFault(target, WebSocketFaultKind.Unsilence));

    /// <summary>Turns every fault off.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _restartUntilTicks, 0);
        Interlocked.Exchange(ref _postOnlyUntilTicks, 0);
        Interlocked.Exchange(ref _http5xxRemaining, 0);
        Interlocked.Exchange(ref _http429Remaining, 0);
        Interlocked.Exchange(ref _failNextTrades, 0);
        Interlocked.Exchange(ref _userEventDelayTicks, 0);
        _cancelOnly = false;
        _rejectStormMarket = null;
        _duplicateUserEvents = false;
        _reorderUserEvents = false;
        UnsilenceWebSockets(WebSocketTarget.All);
    }

    /// <summary>Consumes one injected 5xx if a burst is active.</summary>
    internal bool TakeHttp5xx() => TakeOne(ref _http5xxRemaining);

    /// <summary>Consumes one injected 429 if a burst is active.</summary>
    internal bool TakeHttp429() => TakeOne(ref _http429Remaining);

    /// <summary>Consumes one forced trade failure if any are pending.</summary>
    internal bool TakeTradeFailure() => TakeOne(ref _failNextTrades);

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            int current = Volatile.Read(ref counter);
            if (current <= 0) return false;
            // CAS so that concurrent requests never take more injections than were asked for.
            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current) return true;
        }
    }
}

/// <summary>Which WebSocket connections a fault applies to.</summary>
public enum WebSocketTarget
{
    /// <summary>Market and user channels.</summary>
    All,
    /// <summary>Market channel connections only.</summary>
    Market,
    /// <summary>User channel connections only.</summary>
    User,
}

/// <summary>What to do to the targeted connections.</summary>
public enum WebSocketFaultKind
{
    /// <summary>Abort the connection.</summary>
    Drop,
    /// <summary>Stop data, keep answering PING.</summary>
    Silence,
    /// <summary>Resume data.</summary>
    Unsilence,
}

/// <summary>A WebSocket fault request.</summary>
public readonly record struct WebSocketFault(WebSocketTarget Target, WebSocketFaultKind Kind);
