namespace PeerBot.Dialogs;

/// <summary>
/// Runs the scripted dialogs from <c>dialogs/</c>. PLACEHOLDER until the dialogs issue lands: a fixed menu.
/// </summary>
public sealed class DialogEngine
{
    public Task<DialogTurnResult> RunAsync(DialogInput input, DialogState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Text.Value.Trim();
        if (text.ToLowerInvariant() is "privacy" or "my data" or "delete my data")
            return Task.FromResult(new DialogTurnResult([], [new DialogEvent.PrivacyCommand(text.ToLowerInvariant())]));
        if (string.Equals(text, "peer", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(new DialogTurnResult(
                [OutgoingMessage.Plain("I'm asking a peer support specialist to join.")],
                [new DialogEvent.HandoffRequested("requested")]));
        return Task.FromResult(new DialogTurnResult(
            [new OutgoingMessage("Hi, I'm PeerBot. I'm not a crisis service: in a crisis call or text 988. What would you like to do?",
                ["Check in", "Coping ideas", "Find help", "Talk to a peer"])],
            []));
    }
}
