using System.CommandLine;

namespace FastMaker.Cli.Commands;

/// <summary>Every subcommand of <c>fastmaker</c>. Add one line per command.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return RingBenchCommand.Create();
        yield return OrderCommand.Create();
        yield return AuthCommand.Create();
        yield return VenueCommand.Create();
        yield return VenueLoadCommand.Create();
        yield return ReplayCommand.Create();
        yield return DemoCommand.Create();
        yield return ReportCommand.Create();
        yield return CalibrateCommand.Create();
        yield return LiveCommand.Create();
        yield return PaperCommand.Create();
    }
}
