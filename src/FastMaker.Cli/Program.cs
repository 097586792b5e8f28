using System.CommandLine;
using FastMaker.Cli.Commands;

namespace FastMaker.Cli;

/// <summary>The <c>fastmaker</c> entry point: one subcommand per job, each defined in <c>Commands/</c>.</summary>
public static class Program
{
    /// <summary>Builds the root command; tests use it to parse and invoke without a process.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("FastMaker: a low-latency market maker for Polymarket's CLOB.");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Parses and runs the command line.</summary>
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();
}
