# bash completion for flank: subcommands, their options, scenario ids, files.
# The words come from the binary (flank help --complete COMMAND PREVIOUS-WORD), which reads
# them from the same texts as --help, so completion follows every new option.
_flank() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local flank=${COMP_WORDS[0]/#\~/$HOME} words w files=0 dirs=0
  if ((COMP_CWORD == 1)); then
    words=$("$flank" help --complete 2>/dev/null)
  else
    words=$("$flank" help --complete "${COMP_WORDS[1]}" "$prev" 2>/dev/null)
  fi
  COMPREPLY=()
  for w in $words; do
    case $w in
      @files) files=1 ;;
      @dirs) dirs=1 ;;
      -*) [[ $cur == -* && $w == "$cur"* ]] && COMPREPLY+=("$w") ;;
      *) [[ $w == "$cur"* ]] && COMPREPLY+=("$w") ;;
    esac
  done
  [[ $cur == -* ]] && return 0
  if ((files)); then
    compopt -o filenames 2>/dev/null
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
  elif ((dirs)); then
    compopt -o filenames 2>/dev/null
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -d -- "$cur")
  fi
  return 0
}
complete -F _flank flank
