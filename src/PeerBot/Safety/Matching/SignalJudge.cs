namespace PeerBot.Safety.Matching;

/// <summary>
/// Turns raw pattern hits into signals: drops hits inside an idiom/false-friend exclusion, then applies each rule's
/// negation, past-tense and third-person settings, and explains every signal in words a peer can read.
/// </summary>
internal sealed partial class SignalJudge(CompiledLexicon lexicon)
{
    private const int MaxQuotedChars = 80;

    public DistressAssessment Judge(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens,
        ReadOnlySpan<PatternMatch> matches)
    {
        var targets = lexicon.Targets;
        var anyRule = false;
        foreach (var m in matches)
        {
            if (targets[m.Target].Kind is TargetKind.Rule or TargetKind.Part)
            {
                anyRule = true;
                break;
            }
        }
        if (!anyRule)
            return DistressAssessment.None;

        List<DistressSignal>? signals = null;
        var denial = false;
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var m in matches)
            {
                var target = targets[m.Target];
                if (target.Kind != TargetKind.Rule)
                    continue;
                var rule = lexicon.Rules[target.Index];
                if (rule.RequiresDenial != (pass == 1))
                    continue;
                if (IsExcluded(m, rule, matches))
                    continue;
                var tier = TierAt(m, rule, tokens, matches, ref denial, out var negated, out var past, out var third);
                if (tier == DistressTier.None)
                    continue;
                if (Improves(signals, rule, tier))
                    Add(ref signals, rule, tier, Explain(text, tokens, m, rule, tier, negated, past, third));
            }
            if (lexicon.PartRules.Length > 0)
                JudgeCooccurrences(text, tokens, matches, pass, ref signals, ref denial);
            if (!denial)
                break;
        }

        if (signals is null)
            return DistressAssessment.None;
        signals.Sort(static (a, b) => b.Tier.CompareTo(a.Tier));
        return new DistressAssessment(signals[0].Tier, signals);
    }

    /// <summary>
    /// The tier a rule gives to a hit (or a co-occurrence span): its negated tier after a negation cue, else its past
    /// tier after a past cue, else its tier, lowered to its third-person tier when someone else is the subject. A
    /// negated crisis rule sets <paramref name="denial"/> (the denial pass then runs).
    /// </summary>
    private DistressTier TierAt(PatternMatch m, CompiledRule rule, ReadOnlySpan<Token> tokens, ReadOnlySpan<PatternMatch> matches,
        ref bool denial, out bool negated, out bool past, out bool third)
    {
        negated = rule.NegatedTier.HasValue && IsNegated(m, rule, tokens, matches);
        past = !negated && rule.PastTier.HasValue && IsPast(m, tokens, matches);
        third = IsThirdPerson(m, tokens);
        var tier = negated ? rule.NegatedTier!.Value : past ? rule.PastTier!.Value : rule.Tier;
        if (third && rule.ThirdPersonTier is { } thirdTier && tier > thirdTier)
            tier = thirdTier;
        if (negated && rule.Tier == DistressTier.Crisis)
            denial = true;
        return tier;
    }

    /// <summary>
    /// Co-occurrence rules: walking the hits in text order, remember the latest hit of every part; when a hit
    /// completes a rule (every part seen, all inside the window and, unless allowed, one sentence), judge that span.
    /// Linear in the number of hits times the parts of a rule.
    /// </summary>
    private void JudgeCooccurrences(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens,
        ReadOnlySpan<PatternMatch> matches, int pass, ref List<DistressSignal>? signals, ref bool denial)
    {
        var targets = lexicon.Targets;
        var partCount = lexicon.PartRules.Length;
        Span<int> last = partCount <= 512 ? stackalloc int[partCount] : new int[partCount];
        last.Fill(-1);
        // How many different parts of each rule have been seen so far: a rule with fewer than AtLeast cannot combine.
        var ruleCount = lexicon.Rules.Length;
        Span<byte> seen = ruleCount <= 1024 ? stackalloc byte[ruleCount] : new byte[ruleCount];
        seen.Clear();
        for (var i = 0; i < matches.Length; i++)
        {
            var target = targets[matches[i].Target];
            if (target.Kind != TargetKind.Part)
                continue;
            var ruleIndex = lexicon.PartRules[target.Index];
            if (last[target.Index] < 0)
                seen[ruleIndex]++;
            last[target.Index] = i;
            var rule = lexicon.Rules[ruleIndex];
            if (seen[ruleIndex] < rule.AtLeast || rule.RequiresDenial != (pass == 1)
                || !TryCombine(rule, last, matches, tokens, matches[i], out var span, out var used))
                continue;
            var excluded = false;
            for (var p = 0; p < rule.PartCount && !excluded; p++)
                excluded = (used & (1 << p)) != 0 && IsExcluded(matches[last[rule.FirstPart + p]], rule, matches);
            if (excluded)
                continue;
            // Like a pattern rule: a negation cue shortly before the first part (or inside, with negationInside).
            var tier = TierAt(span, rule, tokens, matches, ref denial, out var negated, out var past, out var third);
            if (tier == DistressTier.None)
                continue;
            if (Improves(signals, rule, tier))
                Add(ref signals, rule, tier, ExplainParts(text, tokens, matches, last, used, rule, tier, span, negated, past, third));
        }
    }

    /// <summary>
    /// Combines the latest hit of each part with the current hit: a part counts when it lies in the window that ends
    /// at the current hit (and in its sentence unless the rule spans sentences). <paramref name="used"/> has a bit per
    /// counted part; the rule needs <see cref="CompiledRule.AtLeast"/> of them.
    /// </summary>
    private static bool TryCombine(CompiledRule rule, ReadOnlySpan<int> last, ReadOnlySpan<PatternMatch> matches,
        ReadOnlySpan<Token> tokens, PatternMatch current, out PatternMatch span, out int used)
    {
        int start = current.Start, end = current.End;
        var sentence = tokens[current.Start].Sentence;
        span = current;
        used = 0;
        var count = 0;
        for (var p = 0; p < rule.PartCount; p++)
        {
            var index = last[rule.FirstPart + p];
            if (index < 0)
                continue;
            var part = matches[index];
            if (!rule.AcrossSentences && tokens[part.Start].Sentence != sentence)
                continue;
            var partEnd = Math.Max(end, part.End);
            if (partEnd - Math.Min(start, part.Start) + 1 > rule.Window)
                continue;
            start = Math.Min(start, part.Start);
            end = partEnd;
            used |= 1 << p;
            count++;
        }
        if (count < rule.AtLeast)
            return false;
        span = new PatternMatch(current.Target, start, end);
        return true;
    }

    /// <summary>False when the rule already has a signal of this tier or higher (Add would keep that one).</summary>
    private static bool Improves(List<DistressSignal>? signals, CompiledRule rule, DistressTier tier)
    {
        if (signals is null)
            return true;
        foreach (var signal in signals)
        {
            if (signal.RuleId == rule.Id)
                return signal.Tier < tier;
        }
        return true;
    }

    private static void Add(ref List<DistressSignal>? signals, CompiledRule rule, DistressTier tier, string explanation)
    {
        signals ??= new List<DistressSignal>(8);
        for (var i = 0; i < signals.Count; i++)
        {
            if (signals[i].RuleId != rule.Id)
                continue;
            if (signals[i].Tier < tier)
                signals[i] = new DistressSignal(tier, rule.Category, rule.Id, explanation);
            return;
        }
        signals.Add(new DistressSignal(tier, rule.Category, rule.Id, explanation));
    }

    private bool IsExcluded(PatternMatch m, CompiledRule rule, ReadOnlySpan<PatternMatch> matches)
    {
        foreach (var e in matches)
        {
            var target = lexicon.Targets[e.Target];
            if (target.Kind == TargetKind.Exclusion && e.Start <= m.End && e.End >= m.Start
                && lexicon.Exclusions[target.Index].Suppresses(rule))
                return true;
        }
        return false;
    }

    private bool IsNegated(PatternMatch m, CompiledRule rule, ReadOnlySpan<Token> tokens, ReadOnlySpan<PatternMatch> matches)
    {
        var clause = tokens[m.Start].Clause;
        var window = lexicon.NegationWindow;
        foreach (var c in matches)
        {
            var kind = lexicon.Targets[c.Target].Kind;
            if (kind == TargetKind.Negation && c.End < m.Start && m.Start - c.End <= window
                && tokens[c.End].Clause == clause && !IsPseudo(c, matches))
                return true;
            if (kind == TargetKind.Negation && rule.NegationInside && c.Start > m.Start && c.End < m.End
                && !IsPseudo(c, matches))
                return true;
            if (kind == TargetKind.NegationAfter && c.Start > m.End && c.Start - m.End <= window
                && tokens[c.Start].Clause == tokens[m.End].Clause)
                return true;
        }
        return false;
    }

    private bool IsPseudo(PatternMatch cue, ReadOnlySpan<PatternMatch> matches)
    {
        foreach (var p in matches)
        {
            if (lexicon.Targets[p.Target].Kind == TargetKind.PseudoNegation && p.Start <= cue.Start && p.End >= cue.End)
                return true;
        }
        return false;
    }

    private bool IsPast(PatternMatch m, ReadOnlySpan<Token> tokens, ReadOnlySpan<PatternMatch> matches)
    {
        var clause = tokens[m.Start].Clause;
        var past = false;
        foreach (var c in matches)
        {
            var kind = lexicon.Targets[c.Target].Kind;
            if (kind is not (TargetKind.Past or TargetKind.Recent) || tokens[c.Start].Clause != clause)
                continue;
            if (kind == TargetKind.Recent)
                return false;
            if (c.End < m.Start || c.Start > m.End)
                past = true;
        }
        return past;
    }

    private bool IsThirdPerson(PatternMatch m, ReadOnlySpan<Token> tokens)
    {
        if ((tokens[m.Start].Classes & lexicon.FirstPersonClass) != 0)
            return false;
        var clause = tokens[m.Start].Clause;
        for (var i = m.Start - 1; i >= 0 && tokens[i].Clause == clause; i--)
        {
            if ((tokens[i].Classes & lexicon.FirstPersonClass) != 0)
                return false;
            if ((tokens[i].Classes & lexicon.ThirdPersonClass) != 0)
                return true;
        }
        return false;
    }
}
