// HEAD of a rendition: the GET's answer without its body (Node sends none for HEAD), so caches and
// link checkers can ask for its size, type and ETag.
export { default } from './[file].get'
