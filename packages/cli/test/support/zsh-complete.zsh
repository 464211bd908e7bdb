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
zpty -w z 'bindkey "^I" complete-word; zstyle ":completion:*" menu no'
# Markers are split in the command so that its echo does not match them.
zpty -w z 'print -r -- "<RE""ADY>"'
zpty -r z out '*<READY>*'
for line in "$@"; do
    # ^U clears the line in order after the completion (a ^C would interrupt it).
    zpty -n -w z "$line"$'\t\C-u'
    zpty -w z 'print -r -- "<E""ND>"'
    zpty -r z out '*<END>*'
    print -r -- "$out" | tr -d '\r' | grep -ao '<M>[^<]*</M>' | sed 's/^<M>//; s/<\/M>$//' | sort -u
    print -r -- --
done
zpty -d z
