using PeerBot.Dialogs;
using PeerBot.Resources;
using PeerBot.Safety;

namespace PeerBot.Hosting;

/// <summary>
/// Command-line verbs that run instead of the web host: <c>dialogs validate</c>, <c>safety eval</c>,
/// <c>resources import</c>. Each feature adds its verb here; the exit code is set on failure.
/// </summary>
internal static class PeerBotCli
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return false;
        switch (args)
        {
            case ["dialogs", ..]:
                Environment.ExitCode = await DialogsCli.RunAsync(args, Console.Out, Console.Error);
                return true;
            case ["resources", ..]:
                Environment.ExitCode = await ResourcesCli.RunAsync(args, Console.Out, Console.Error);
                return true;
            case ["safety", "eval", ..]:
                Environment.ExitCode = await SafetyEvalCommand.RunAsync(args[2..], Console.Out, Console.Error);
                return true;
            default:
                return false;
        }
    }
}
