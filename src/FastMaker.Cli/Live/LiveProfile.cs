namespace FastMaker.Cli.Live;

/// <summary>Which quote settings and mutation budget <c>fastmaker live</c> runs with.</summary>
public enum LiveProfile
{
    /// <summary>The engine's defaults: default quotes, the audit's 30 s per-market cooldown.</summary>
    Conservative,

    /// <summary>Default quotes with the production budget (1 s per-market cooldown, 1200 mutations per minute).</summary>
    Production,

    /// <summary>The demo's tight quotes and production budget (<see cref="Demo.DemoProfile"/>): fills within seconds; for test venues.</summary>
    Demo,
}
