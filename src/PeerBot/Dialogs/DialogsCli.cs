using PeerBot.Dialogs.Loading;

namespace PeerBot.Dialogs;

/// <summary><c>dialogs validate [folder]</c>: prints every error and exits 1 when a file is invalid.</summary>
public static class DialogsCli
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not ["dialogs", "validate"] and not ["dialogs", "validate", _])
        {
            await stderr.WriteLineAsync("usage: dialogs validate [folder]");
            return Usage;
        }
        var folder = args.Length == 3
            ? Path.GetFullPath(args[2])
            : DialogFolder.Resolve(null, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var result = DialogLoader.Load(folder);
        if (result.IsValid)
        {
            var count = result.Catalog?.Dialogs.Count ?? 1;
            await stdout.WriteLineAsync($"{folder}: {count} dialog(s) valid");
            return Valid;
        }
        foreach (var error in result.Errors)
            await stderr.WriteLineAsync(error.ToString());
        await stderr.WriteLineAsync($"{result.Errors.Count} error(s) in {folder}");
        return Invalid;
    }
}
