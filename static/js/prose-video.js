// A video in the body editor: a YouTube or Vimeo link, stored as an <iframe> that the server
// turns into the privacy-friendly player (publications/figures.py) and drops for any other site.
// In the editor it shows as a box naming the video; nothing is loaded from the video's site.
import { canInsertNode, crel, gettext, Node, updateAttrsDialog } from "django-prose-editor/editor"

const VIDEO_HOSTS = /^(www\.|m\.)?(youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|player\.vimeo\.com)$/

function isVideoLink(value) {
  try {
    const url = new URL(value.trim())
    return /^https?:$/.test(url.protocol) && VIDEO_HOSTS.test(url.hostname)
  } catch {
    return false
  }
}

const videoDialog = updateAttrsDialog(
  {
    src: {
      type: "string",
      title: gettext("Link to the video on YouTube or Vimeo"),
      required: true,
    },
    title: {
      type: "string",
      title: gettext("Title of the video (read out by screen readers)"),
      required: true,
    },
  },
  { title: gettext("Video"), submitText: gettext("Insert video") },
)

export const Video = Node.create({
  name: "video",
  group: "block",
  atom: true,
  draggable: true,

  addAttributes() {
    return { src: { default: null }, title: { default: "" } }
  },

  parseHTML() {
    return [{ tag: "iframe[src]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["iframe", { src: HTMLAttributes.src, title: HTMLAttributes.title }]
  },

  addNodeView() {
    return ({ node }) => {
      const dom = crel("div", { className: "prose-video", contentEditable: "false" }, [
        crel("strong", { textContent: `▶ ${node.attrs.title || gettext("Video")}` }),
        crel("br"),
        crel("span", { textContent: node.attrs.src || "" }),
      ])
      return { dom }
    }
  },

  addCommands() {
    return {
      insertVideo:
        () =>
        ({ editor, state, dispatch }) => {
          if (!canInsertNode(state, state.schema.nodes[this.name])) return false
          if (!dispatch) return true
          videoDialog(editor, { src: "", title: "" }).then((attrs) => {
            if (!attrs) return
            if (!isVideoLink(attrs.src)) {
              window.alert(gettext("Only videos on YouTube or Vimeo can be shown. Paste the link to the video there."))
              return
            }
            editor
              .chain()
              .focus()
              .insertContent({ type: this.name, attrs: { src: attrs.src.trim(), title: attrs.title.trim() } })
              .run()
          })
          return true
        },
    }
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "video",
      groups: "nodes",
      command(editor) {
        editor.chain().focus().insertVideo().run()
      },
      button: buttons.material("smart_display", "video"),
      enabled(editor) {
        return editor.can().insertVideo()
      },
    })
  },
})
