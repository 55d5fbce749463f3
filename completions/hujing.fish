# fish completion for hujing: a shim over `hujing __complete`.
function __hujing_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    command $tokens[1] __complete $tokens[2..-1] "$current" 2>/dev/null
end
complete -c hujing -f -a '(__hujing_complete)'
