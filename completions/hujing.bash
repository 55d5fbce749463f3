# bash completion for hujing                                  -*- shell-script -*-
# A shim: the binary itself knows its commands, options and values (hujing __complete).
_hujing() {
    local IFS=$'\n'
    local words=("${COMP_WORDS[@]:1:COMP_CWORD}")
    COMPREPLY=($(command "${COMP_WORDS[0]}" __complete "${words[@]}" 2>/dev/null))
}
complete -o default -F _hujing hujing
