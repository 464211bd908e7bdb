# Completes command lines in a real interactive zsh (on a pty, with compinit) and prints,
# for each line, the matches the completion system added, one per line, then "--".
# usage: zsh -f zsh-complete.zsh COMPLETION_SCRIPT 'tib com' 'tib run --' ...
zmodload zsh/zpty
script=$1
shift
zpty z zsh -f -i
zpty -w z 'PROMPT= RPROMPT=; autoload -U compinit && compinit -u -D'
zpty -w z "source ${(q)script}"
# Every match added is also printed, marked, before it is added.
zpty -w z 'compadd() { local -a m; builtin compadd -O m "$@"; (( $#m )) && print -rl -- "<M>"${^m}"</M>"; builtin compadd "$@" }'
# TAB completes, then marks that it has finished: input sent while completion runs would
# be typeahead, which the completion system gives way to.
zpty -w z 'tib-test-complete() { zle complete-word; print -rn -- "<CO""MPLETED>" }; zle -N tib-test-complete'
zpty -w z 'bindkey "^I" tib-test-complete; zstyle ":completion:*" menu no'
# Markers are split in the command so that its echo does not match them.
zpty -w z 'print -r -- "<RE""ADY>"'
zpty -r z out '*<READY>*'
for line in "$@"; do
    zpty -n -w z "$line"$'\t'
    zpty -r z out '*<COMPLETED>*'
    # ^U clears the line (a ^C would be a signal, not input in order).
    zpty -n -w z $'\C-u'
    zpty -w z 'print -r -- "<E""ND>"'
    zpty -r z rest '*<END>*'
    print -r -- "$out" | tr -d '\r' | grep -ao '<M>[^<]*</M>' | sed 's/^<M>//; s/<\/M>$//' | sort -u
    print -r -- --
done
zpty -d z
