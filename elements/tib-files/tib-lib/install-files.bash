# Installs the rendered files of one phase from the tib-recipe manifest.
# Sourced by tib-files' phase scripts; $1 is the phase (pre-install|post-install).
tib_install_files() {
    local phase=$1
    local root
    root=$(dirname "$0")/../tib-rootfs
    [ -f "$root/manifest" ] || return 0
    local line_phase mode owner group payload target
    while read -r line_phase mode owner group payload target; do
        [ "$line_phase" = "$phase" ] || continue
        install -d "$(dirname "$target")"
        install -m "$mode" -o "$owner" -g "$group" "$root/files/$payload" "$target"
    done < "$root/manifest"
}
